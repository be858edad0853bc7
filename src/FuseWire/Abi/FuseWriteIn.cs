using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The WRITE request body (24 bytes before 7.9); the data follows.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_write_in</c> (40 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseWriteIn
{
    /// <summary>The size of <c>struct fuse_write_in</c> in bytes.</summary>
    public const int StructSize = 40;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>offset</c> (offset 8): Offset.</summary>
    public ulong Offset;

    /// <summary><c>size</c> (offset 16): Bytes of data that follow.</summary>
    public uint Size;

    /// <summary><c>write_flags</c> (offset 20): FUSE_WRITE_* flags.</summary>
    public uint WriteFlags;

    /// <summary><c>lock_owner</c> (offset 24): Lock owner (7.9).</summary>
    public ulong LockOwner;

    /// <summary><c>flags</c> (offset 32): open(2) flags (7.9).</summary>
    public uint Flags;

    /// <summary><c>padding</c> (offset 36): Padding.</summary>
    public uint Padding;
}
