using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The LSEEK request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_lseek_in</c> (24 bytes), since protocol 7.24. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseLseekIn
{
    /// <summary>The size of <c>struct fuse_lseek_in</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>offset</c> (offset 8): Offset.</summary>
    public ulong Offset;

    /// <summary><c>whence</c> (offset 16): SEEK_* value.</summary>
    public uint Whence;

    /// <summary><c>padding</c> (offset 20): Padding.</summary>
    public uint Padding;
}
