using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The GETXATTR and LISTXATTR request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_getxattr_in</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseGetxattrIn
{
    /// <summary>The size of <c>struct fuse_getxattr_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>size</c> (offset 0): Size of the caller's buffer; 0 asks for the size only.</summary>
    public uint Size;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;
}
