using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The MKDIR request body; the name follows.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_mkdir_in</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseMkdirIn
{
    /// <summary>The size of <c>struct fuse_mkdir_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>mode</c> (offset 0): Mode.</summary>
    public uint Mode;

    /// <summary><c>umask</c> (offset 4): The caller's umask (7.12).</summary>
    public uint Umask;
}
