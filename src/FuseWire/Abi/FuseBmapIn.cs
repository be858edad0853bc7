using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The BMAP request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_bmap_in</c> (16 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseBmapIn
{
    /// <summary>The size of <c>struct fuse_bmap_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>block</c> (offset 0): Block number within the file.</summary>
    public ulong Block;

    /// <summary><c>blocksize</c> (offset 8): Block size.</summary>
    public uint Blocksize;

    /// <summary><c>padding</c> (offset 12): Padding.</summary>
    public uint Padding;
}
