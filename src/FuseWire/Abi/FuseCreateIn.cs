using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The CREATE and TMPFILE request body (a <see cref="FuseOpenIn"/> before 7.12); the name follows.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_create_in</c> (16 bytes), since protocol 7.12. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseCreateIn
{
    /// <summary>The size of <c>struct fuse_create_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>flags</c> (offset 0): open(2) flags.</summary>
    public uint Flags;

    /// <summary><c>mode</c> (offset 4): Mode.</summary>
    public uint Mode;

    /// <summary><c>umask</c> (offset 8): The caller's umask.</summary>
    public uint Umask;

    /// <summary><c>open_flags</c> (offset 12): FUSE_OPEN_* flags (7.33).</summary>
    public uint OpenFlags;
}
