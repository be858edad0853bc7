using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// Extended attributes of a file, the STATX reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_statx</c> (256 bytes), since protocol 7.39. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseStatx
{
    /// <summary>The size of <c>struct fuse_statx</c> in bytes.</summary>
    public const int StructSize = 256;

    /// <summary><c>mask</c> (offset 0): STATX_* bits saying which fields are filled.</summary>
    public uint Mask;

    /// <summary><c>blksize</c> (offset 4): Preferred I/O block size.</summary>
    public uint BlkSize;

    /// <summary><c>attributes</c> (offset 8): STATX_ATTR_* flags.</summary>
    public ulong Attributes;

    /// <summary><c>nlink</c> (offset 16): Number of hard links.</summary>
    public uint NLink;

    /// <summary><c>uid</c> (offset 20): Owner user id.</summary>
    public uint Uid;

    /// <summary><c>gid</c> (offset 24): Owner group id.</summary>
    public uint Gid;

    /// <summary><c>mode</c> (offset 28): File type and mode.</summary>
    public ushort Mode;

    /// <summary><c>__spare0</c> (offset 30): Reserved.</summary>
    public ushort Spare0;

    /// <summary><c>ino</c> (offset 32): Inode number.</summary>
    public ulong Ino;

    /// <summary><c>size</c> (offset 40): Size in bytes.</summary>
    public ulong Size;

    /// <summary><c>blocks</c> (offset 48): Number of 512-byte blocks.</summary>
    public ulong Blocks;

    /// <summary><c>attributes_mask</c> (offset 56): Which attribute bits are supported.</summary>
    public ulong AttributesMask;

    /// <summary><c>atime</c> (offset 64): Last access.</summary>
    public FuseSxTime ATime;

    /// <summary><c>btime</c> (offset 80): Creation (birth).</summary>
    public FuseSxTime BTime;

    /// <summary><c>ctime</c> (offset 96): Last status change.</summary>
    public FuseSxTime CTime;

    /// <summary><c>mtime</c> (offset 112): Last modification.</summary>
    public FuseSxTime MTime;

    /// <summary><c>rdev_major</c> (offset 128): Device major (device files).</summary>
    public uint RdevMajor;

    /// <summary><c>rdev_minor</c> (offset 132): Device minor (device files).</summary>
    public uint RdevMinor;

    /// <summary><c>dev_major</c> (offset 136): Major of the containing device.</summary>
    public uint DevMajor;

    /// <summary><c>dev_minor</c> (offset 140): Minor of the containing device.</summary>
    public uint DevMinor;

    /// <summary><c>__spare2</c> (offset 144): Reserved.</summary>
    public FuseUInt64Array14 Spare2;
}
