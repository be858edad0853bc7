using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The FALLOCATE request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_fallocate_in</c> (32 bytes), since protocol 7.19. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseFallocateIn
{
    /// <summary>The size of <c>struct fuse_fallocate_in</c> in bytes.</summary>
    public const int StructSize = 32;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>offset</c> (offset 8): Offset.</summary>
    public ulong Offset;

    /// <summary><c>length</c> (offset 16): Length.</summary>
    public ulong Length;

    /// <summary><c>mode</c> (offset 24): fallocate(2) mode.</summary>
    public uint Mode;

    /// <summary><c>padding</c> (offset 28): Padding.</summary>
    public uint Padding;
}
