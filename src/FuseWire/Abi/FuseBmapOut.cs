using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The BMAP reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_bmap_out</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseBmapOut
{
    /// <summary>The size of <c>struct fuse_bmap_out</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>block</c> (offset 0): Block number within the device.</summary>
    public ulong Block;
}
