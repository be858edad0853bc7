using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The body of a FUSE_NOTIFY_STORE notification; <c>size</c> bytes follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_store_out</c> (24 bytes), since protocol 7.15. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyStoreOut
{
    /// <summary>The size of <c>struct fuse_notify_store_out</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>nodeid</c> (offset 0): Node id.</summary>
    public ulong NodeId;

    /// <summary><c>offset</c> (offset 8): Offset.</summary>
    public ulong Offset;

    /// <summary><c>size</c> (offset 16): Bytes that follow.</summary>
    public uint Size;

    /// <summary><c>padding</c> (offset 20): Padding.</summary>
    public uint Padding;
}
