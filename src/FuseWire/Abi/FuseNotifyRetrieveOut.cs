using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The body of a FUSE_NOTIFY_RETRIEVE notification.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_retrieve_out</c> (32 bytes), since protocol 7.15. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyRetrieveOut
{
    /// <summary>The size of <c>struct fuse_notify_retrieve_out</c> in bytes.</summary>
    public const int StructSize = 32;

    /// <summary><c>notify_unique</c> (offset 0): Unique the kernel's NOTIFY_REPLY will carry.</summary>
    public ulong NotifyUnique;

    /// <summary><c>nodeid</c> (offset 8): Node id.</summary>
    public ulong NodeId;

    /// <summary><c>offset</c> (offset 16): Offset.</summary>
    public ulong Offset;

    /// <summary><c>size</c> (offset 24): Bytes wanted.</summary>
    public uint Size;

    /// <summary><c>padding</c> (offset 28): Padding.</summary>
    public uint Padding;
}
