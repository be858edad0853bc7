using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The FSYNC and FSYNCDIR request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_fsync_in</c> (16 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseFsyncIn
{
    /// <summary>The size of <c>struct fuse_fsync_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>fsync_flags</c> (offset 8): FUSE_FSYNC_* flags.</summary>
    public uint FsyncFlags;

    /// <summary><c>padding</c> (offset 12): Padding.</summary>
    public uint Padding;
}
