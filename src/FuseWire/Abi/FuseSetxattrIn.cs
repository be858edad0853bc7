using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The SETXATTR request body (8 bytes unless FUSE_SETXATTR_EXT); the name and the value follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_setxattr_in</c> (16 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSetxattrIn
{
    /// <summary>The size of <c>struct fuse_setxattr_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>size</c> (offset 0): Bytes of value.</summary>
    public uint Size;

    /// <summary><c>flags</c> (offset 4): XATTR_CREATE / XATTR_REPLACE.</summary>
    public uint Flags;

    /// <summary><c>setxattr_flags</c> (offset 8): FUSE_SETXATTR_* flags (7.33, with FUSE_SETXATTR_EXT).</summary>
    public uint SetxattrFlags;

    /// <summary><c>padding</c> (offset 12): Padding.</summary>
    public uint Padding;
}
