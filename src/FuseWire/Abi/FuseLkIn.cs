using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The GETLK, SETLK and SETLKW request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_lk_in</c> (48 bytes), since protocol 7.7. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseLkIn
{
    /// <summary>The size of <c>struct fuse_lk_in</c> in bytes.</summary>
    public const int StructSize = 48;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>owner</c> (offset 8): Lock owner.</summary>
    public ulong Owner;

    /// <summary><c>lk</c> (offset 16): The lock.</summary>
    public FuseFileLock Lk;

    /// <summary><c>lk_flags</c> (offset 40): FUSE_LK_* flags (7.9).</summary>
    public uint LkFlags;

    /// <summary><c>padding</c> (offset 44): Padding.</summary>
    public uint Padding;
}
