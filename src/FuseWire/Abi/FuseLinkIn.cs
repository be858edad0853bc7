using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The LINK request body; the new name follows.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_link_in</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseLinkIn
{
    /// <summary>The size of <c>struct fuse_link_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>oldnodeid</c> (offset 0): Node id of the existing file.</summary>
    public ulong OldNodeId;
}
