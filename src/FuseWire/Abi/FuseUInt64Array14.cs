using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 14 <see cref="ulong"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(14)]
public struct FuseUInt64Array14
{
    private ulong _element0;
}
