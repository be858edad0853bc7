using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The RENAME request body; the old and new names follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_rename_in</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseRenameIn
{
    /// <summary>The size of <c>struct fuse_rename_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>newdir</c> (offset 0): Node id of the new parent directory.</summary>
    public ulong NewDir;
}
