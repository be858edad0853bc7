using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The OPEN and OPENDIR request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_open_in</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseOpenIn
{
    /// <summary>The size of <c>struct fuse_open_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>flags</c> (offset 0): open(2) flags.</summary>
    public uint Flags;

    /// <summary><c>open_flags</c> (offset 4): FUSE_OPEN_* flags (7.33; unused before).</summary>
    public uint OpenFlags;
}
