using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 2 <see cref="ulong"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(2)]
public struct FuseUInt64Array2
{
    private ulong _element0;
}
