using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 10 <see cref="uint"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(10)]
public struct FuseUInt32Array10
{
    private uint _element0;
}
