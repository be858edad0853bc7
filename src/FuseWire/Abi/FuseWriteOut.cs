using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The reply body of WRITE and COPY_FILE_RANGE.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_write_out</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseWriteOut
{
    /// <summary>The size of <c>struct fuse_write_out</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>size</c> (offset 0): Bytes written.</summary>
    public uint Size;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;
}
