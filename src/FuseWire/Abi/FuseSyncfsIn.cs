using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The SYNCFS request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_syncfs_in</c> (8 bytes), since protocol 7.34. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSyncfsIn
{
    /// <summary>The size of <c>struct fuse_syncfs_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>padding</c> (offset 0): Padding.</summary>
    public ulong Padding;
}
