using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The body of a FUSE_NOTIFY_INVAL_INODE notification.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_inval_inode_out</c> (24 bytes), since protocol 7.12. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyInvalInodeOut
{
    /// <summary>The size of <c>struct fuse_notify_inval_inode_out</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>ino</c> (offset 0): Node id.</summary>
    public ulong Ino;

    /// <summary><c>off</c> (offset 8): Offset of the range to invalidate.</summary>
    public long Off;

    /// <summary><c>len</c> (offset 16): Length of the range; 0 means attributes only, negative means to the end.</summary>
    public long Len;
}
