using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The RENAME2 request body; the old and new names follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_rename2_in</c> (16 bytes), since protocol 7.23. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseRename2In
{
    /// <summary>The size of <c>struct fuse_rename2_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>newdir</c> (offset 0): Node id of the new parent directory.</summary>
    public ulong NewDir;

    /// <summary><c>flags</c> (offset 8): RENAME_* flags.</summary>
    public uint Flags;

    /// <summary><c>padding</c> (offset 12): Padding.</summary>
    public uint Padding;
}
