using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The FLUSH request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_flush_in</c> (24 bytes), since protocol 7.7. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseFlushIn
{
    /// <summary>The size of <c>struct fuse_flush_in</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>unused</c> (offset 8): Unused.</summary>
    public uint Unused;

    /// <summary><c>padding</c> (offset 12): Padding.</summary>
    public uint Padding;

    /// <summary><c>lock_owner</c> (offset 16): Lock owner.</summary>
    public ulong LockOwner;
}
