using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// File attributes, as returned in entry, attr and direntplus replies.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_attr</c> (88 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseAttr
{
    /// <summary>The size of <c>struct fuse_attr</c> in bytes.</summary>
    public const int StructSize = 88;

    /// <summary><c>ino</c> (offset 0): Inode number.</summary>
    public ulong Ino;

    /// <summary><c>size</c> (offset 8): Size in bytes.</summary>
    public ulong Size;

    /// <summary><c>blocks</c> (offset 16): Number of 512-byte blocks allocated.</summary>
    public ulong Blocks;

    /// <summary><c>atime</c> (offset 24): Last access time, seconds.</summary>
    public ulong ATime;

    /// <summary><c>mtime</c> (offset 32): Last modification time, seconds.</summary>
    public ulong MTime;

    /// <summary><c>ctime</c> (offset 40): Last status change time, seconds.</summary>
    public ulong CTime;

    /// <summary><c>atimensec</c> (offset 48): Nanoseconds of atime.</summary>
    public uint ATimeNsec;

    /// <summary><c>mtimensec</c> (offset 52): Nanoseconds of mtime.</summary>
    public uint MTimeNsec;

    /// <summary><c>ctimensec</c> (offset 56): Nanoseconds of ctime.</summary>
    public uint CTimeNsec;

    /// <summary><c>mode</c> (offset 60): File type and permission bits (S_IFMT | mode).</summary>
    public uint Mode;

    /// <summary><c>nlink</c> (offset 64): Number of hard links.</summary>
    public uint NLink;

    /// <summary><c>uid</c> (offset 68): Owner user id.</summary>
    public uint Uid;

    /// <summary><c>gid</c> (offset 72): Owner group id.</summary>
    public uint Gid;

    /// <summary><c>rdev</c> (offset 76): Device number for device files.</summary>
    public uint Rdev;

    /// <summary><c>blksize</c> (offset 80): Preferred I/O block size (7.9).</summary>
    public uint BlkSize;

    /// <summary><c>flags</c> (offset 84): FUSE_ATTR_* flags (7.35; padding before).</summary>
    public uint Flags;
}
