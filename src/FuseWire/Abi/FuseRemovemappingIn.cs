using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The REMOVEMAPPING request body; <c>count</c> <see cref="FuseRemovemappingOne"/> follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_removemapping_in</c> (4 bytes), since protocol 7.31. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseRemovemappingIn
{
    /// <summary>The size of <c>struct fuse_removemapping_in</c> in bytes.</summary>
    public const int StructSize = 4;

    /// <summary><c>count</c> (offset 0): Number of entries that follow.</summary>
    public uint Count;
}
