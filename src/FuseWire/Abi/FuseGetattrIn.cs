using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The GETATTR request body (none before 7.9).
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_getattr_in</c> (16 bytes), since protocol 7.9. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseGetattrIn
{
    /// <summary>The size of <c>struct fuse_getattr_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>getattr_flags</c> (offset 0): FUSE_GETATTR_* flags.</summary>
    public uint GetattrFlags;

    /// <summary><c>dummy</c> (offset 4): Padding.</summary>
    public uint Dummy;

    /// <summary><c>fh</c> (offset 8): File handle, valid with FUSE_GETATTR_FH.</summary>
    public ulong Fh;
}
