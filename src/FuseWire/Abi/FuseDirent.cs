using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// A directory entry of a READDIR reply; <c>namelen</c> name bytes follow, padded to 8 bytes.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_dirent</c> (24 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseDirent
{
    /// <summary>The size of <c>struct fuse_dirent</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>ino</c> (offset 0): Inode number.</summary>
    public ulong Ino;

    /// <summary><c>off</c> (offset 8): Offset of the next entry.</summary>
    public ulong Off;

    /// <summary><c>namelen</c> (offset 16): Name length.</summary>
    public uint NameLen;

    /// <summary><c>type</c> (offset 20): DT_* type.</summary>
    public uint Type;
}
