namespace FuseWire.Tests.Abi;

/// <summary>A member of a struct of the 7.45 header, with the offset and size C's layout rules give it on Linux.</summary>
/// <param name="Name">The C member name.</param>
/// <param name="Offset">Its offset in bytes.</param>
/// <param name="Size">Its size in bytes (<c>sizeof</c> of the member).</param>
internal sealed record Fuse745Member(string Name, int Offset, int Size);
