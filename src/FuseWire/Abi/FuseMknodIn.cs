using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The MKNOD request body (8 bytes before 7.12); the name follows.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_mknod_in</c> (16 bytes), since protocol 7.12. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseMknodIn
{
    /// <summary>The size of <c>struct fuse_mknod_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>mode</c> (offset 0): File type and mode.</summary>
    public uint Mode;

    /// <summary><c>rdev</c> (offset 4): Device number.</summary>
    public uint Rdev;

    /// <summary><c>umask</c> (offset 8): The caller's umask (7.12).</summary>
    public uint Umask;

    /// <summary><c>padding</c> (offset 12): Padding.</summary>
    public uint Padding;
}
