namespace FuseWire.Tests.Abi;

/// <summary>A constant of the 7.45 header that the 7.38 header lacks or has with another value.</summary>
/// <param name="Name">The kernel name; for a constant that is not in the UAPI header, the C# name (<c>Type.Member</c>).</param>
/// <param name="Value">Its value as <c>(unsigned long long)</c>.</param>
/// <param name="Version">The protocol minor version that gave it this value.</param>
/// <param name="InExcerpt">Whether <see cref="Fuse745Excerpt"/> defines it, so that gcc can double-check the value.</param>
/// <param name="Note">Where the value comes from when it is not a plain header definition.</param>
internal sealed record Fuse745Constant(string Name, ulong Value, int Version, bool InExcerpt = true, string? Note = null);
