using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 11 <see cref="uint"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(11)]
public struct FuseUInt32Array11
{
    private uint _element0;
}
