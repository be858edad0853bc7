using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The header of one request extension; <c>size</c> counts this header.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_ext_header</c> (8 bytes), since protocol 7.38. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseExtHeader
{
    /// <summary>The size of <c>struct fuse_ext_header</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>size</c> (offset 0): Size of the extension, this header included, a multiple of 8.</summary>
    public uint Size;

    /// <summary><c>type</c> (offset 4): A <see cref="FuseExtType"/>.</summary>
    public uint Type;
}
