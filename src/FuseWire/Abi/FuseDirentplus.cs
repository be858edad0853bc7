using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// A directory entry of a READDIRPLUS reply; the name follows, padded to 8 bytes.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_direntplus</c> (152 bytes), since protocol 7.21. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseDirentplus
{
    /// <summary>The size of <c>struct fuse_direntplus</c> in bytes.</summary>
    public const int StructSize = 152;

    /// <summary><c>entry_out</c> (offset 0): The entry, as LOOKUP would return it.</summary>
    public FuseEntryOut EntryOut;

    /// <summary><c>dirent</c> (offset 128): The directory entry.</summary>
    public FuseDirent Dirent;
}
