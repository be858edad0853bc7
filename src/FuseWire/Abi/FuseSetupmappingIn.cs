using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The SETUPMAPPING request body (DAX).
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_setupmapping_in</c> (40 bytes), since protocol 7.31. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSetupmappingIn
{
    /// <summary>The size of <c>struct fuse_setupmapping_in</c> in bytes.</summary>
    public const int StructSize = 40;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>foffset</c> (offset 8): File offset.</summary>
    public ulong FOffset;

    /// <summary><c>len</c> (offset 16): Length.</summary>
    public ulong Len;

    /// <summary><c>flags</c> (offset 24): FUSE_SETUPMAPPING_FLAG_* flags.</summary>
    public ulong Flags;

    /// <summary><c>moffset</c> (offset 32): Offset in the DAX window.</summary>
    public ulong MOffset;
}
