using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 128 <see cref="byte"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(128)]
public struct FuseByteArray128
{
    private byte _element0;
}
