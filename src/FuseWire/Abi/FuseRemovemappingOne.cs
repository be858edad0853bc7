using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// One range of a REMOVEMAPPING request.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_removemapping_one</c> (16 bytes), since protocol 7.31. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseRemovemappingOne
{
    /// <summary>The size of <c>struct fuse_removemapping_one</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>moffset</c> (offset 0): Offset in the DAX window.</summary>
    public ulong MOffset;

    /// <summary><c>len</c> (offset 8): Length.</summary>
    public ulong Len;
}
