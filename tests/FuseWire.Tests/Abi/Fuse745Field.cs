namespace FuseWire.Tests.Abi;

/// <summary>A member added to, or changed in, a struct that the 7.38 header already has.</summary>
/// <param name="Struct">The C struct name.</param>
/// <param name="Name">The C member name.</param>
/// <param name="Offset">Its offset in the 7.45 header.</param>
/// <param name="Size">Its size in the 7.45 header.</param>
/// <param name="Version">The protocol minor version that gave it its 7.45 form: a header older than that has it differently or not at all.</param>
/// <param name="Was">For a changed member, what older headers had, or null for a new member.</param>
/// <param name="Replaces">The member of the 7.38 header that this one took the place of under another name, or null.</param>
internal sealed record Fuse745Field(string Struct, string Name, int Offset, int Size, int Version, string? Was = null, string? Replaces = null);
