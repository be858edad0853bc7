using System.Runtime.CompilerServices;

namespace FuseWire.Abi;

/// <summary>A fixed array of 6 <see cref="byte"/> values, a C array field of a FUSE struct.</summary>
[InlineArray(6)]
public struct FuseByteArray6
{
    private byte _element0;
}
