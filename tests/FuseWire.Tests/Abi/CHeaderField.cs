namespace FuseWire.Tests.Abi;

/// <summary>A member of a C struct as the header declares it.</summary>
/// <param name="Name">The member name.</param>
/// <param name="IsFlexibleArray">Whether it is a flexible array member (<c>char name[];</c>), which has no size.</param>
internal sealed record CHeaderField(string Name, bool IsFlexibleArray);
