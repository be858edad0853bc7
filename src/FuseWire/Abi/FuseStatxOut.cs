using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The STATX reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_statx_out</c> (288 bytes), since protocol 7.39. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseStatxOut
{
    /// <summary>The size of <c>struct fuse_statx_out</c> in bytes.</summary>
    public const int StructSize = 288;

    /// <summary><c>attr_valid</c> (offset 0): Attribute cache timeout, seconds.</summary>
    public ulong AttrValid;

    /// <summary><c>attr_valid_nsec</c> (offset 8): Attribute cache timeout, nanoseconds.</summary>
    public uint AttrValidNsec;

    /// <summary><c>flags</c> (offset 12): Flags.</summary>
    public uint Flags;

    /// <summary><c>spare</c> (offset 16): Reserved.</summary>
    public FuseUInt64Array2 Spare;

    /// <summary><c>stat</c> (offset 32): The attributes.</summary>
    public FuseStatx Stat;
}
