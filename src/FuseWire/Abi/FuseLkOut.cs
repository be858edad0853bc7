using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The GETLK reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_lk_out</c> (24 bytes), since protocol 7.7. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseLkOut
{
    /// <summary>The size of <c>struct fuse_lk_out</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>lk</c> (offset 0): The conflicting lock, or F_UNLCK.</summary>
    public FuseFileLock Lk;
}
