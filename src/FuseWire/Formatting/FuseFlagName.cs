namespace FuseWire.Formatting;

/// <summary>One flag bit and its kernel name without the common prefix (<c>ASYNC_READ</c> for <c>FUSE_ASYNC_READ</c>).</summary>
/// <param name="Bit">The bit.</param>
/// <param name="Name">The name.</param>
internal readonly record struct FuseFlagName(ulong Bit, string Name);
