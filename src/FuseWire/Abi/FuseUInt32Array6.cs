using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 6 <see cref="uint"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(6)]
public struct FuseUInt32Array6
{
    private uint _element0;
}
