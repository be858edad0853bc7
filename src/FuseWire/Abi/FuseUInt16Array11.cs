using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 11 <see cref="ushort"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(11)]
public struct FuseUInt16Array11
{
    private ushort _element0;
}
