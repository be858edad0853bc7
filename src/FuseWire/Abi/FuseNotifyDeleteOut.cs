using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The body of a FUSE_NOTIFY_DELETE notification; the name and a NUL follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_delete_out</c> (24 bytes), since protocol 7.18. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyDeleteOut
{
    /// <summary>The size of <c>struct fuse_notify_delete_out</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>parent</c> (offset 0): Parent node id.</summary>
    public ulong Parent;

    /// <summary><c>child</c> (offset 8): Child node id.</summary>
    public ulong Child;

    /// <summary><c>namelen</c> (offset 16): Name length.</summary>
    public uint NameLen;

    /// <summary><c>padding</c> (offset 20): Padding.</summary>
    public uint Padding;
}
