using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// A timestamp inside <see cref="FuseStatx"/>.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_sx_time</c> (16 bytes), since protocol 7.39. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSxTime
{
    /// <summary>The size of <c>struct fuse_sx_time</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>tv_sec</c> (offset 0): Seconds.</summary>
    public long TvSec;

    /// <summary><c>tv_nsec</c> (offset 8): Nanoseconds.</summary>
    public uint TvNsec;

    /// <summary><c>__reserved</c> (offset 12): Reserved.</summary>
    public int Reserved;
}
