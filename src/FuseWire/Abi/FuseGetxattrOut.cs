using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The GETXATTR and LISTXATTR reply body when the request's size was 0.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_getxattr_out</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseGetxattrOut
{
    /// <summary>The size of <c>struct fuse_getxattr_out</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>size</c> (offset 0): Size of the value or list.</summary>
    public uint Size;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;
}
