using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The STATX request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_statx_in</c> (24 bytes), since protocol 7.39. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseStatxIn
{
    /// <summary>The size of <c>struct fuse_statx_in</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>getattr_flags</c> (offset 0): FUSE_GETATTR_* flags.</summary>
    public uint GetattrFlags;

    /// <summary><c>reserved</c> (offset 4): Reserved.</summary>
    public uint Reserved;

    /// <summary><c>fh</c> (offset 8): File handle, valid with FUSE_GETATTR_FH.</summary>
    public ulong Fh;

    /// <summary><c>sx_flags</c> (offset 16): AT_STATX_* flags.</summary>
    public uint SxFlags;

    /// <summary><c>sx_mask</c> (offset 20): STATX_* mask wanted.</summary>
    public uint SxMask;
}
