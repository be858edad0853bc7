using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The argument of FUSE_DEV_IOC_BACKING_OPEN.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_backing_map</c> (16 bytes), since protocol 7.40. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseBackingMap
{
    /// <summary>The size of <c>struct fuse_backing_map</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>fd</c> (offset 0): Backing file descriptor.</summary>
    public int Fd;

    /// <summary><c>flags</c> (offset 4): Flags.</summary>
    public uint Flags;

    /// <summary><c>padding</c> (offset 8): Padding.</summary>
    public ulong Padding;
}
