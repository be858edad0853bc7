using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The reply body of LOOKUP, MKNOD, MKDIR, SYMLINK, LINK (and the first part of CREATE's).
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_entry_out</c> (128 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseEntryOut
{
    /// <summary>The size of <c>struct fuse_entry_out</c> in bytes.</summary>
    public const int StructSize = 128;

    /// <summary><c>nodeid</c> (offset 0): Node id of the entry.</summary>
    public ulong NodeId;

    /// <summary><c>generation</c> (offset 8): Generation: nodeid and generation are unique for the file system's lifetime.</summary>
    public ulong Generation;

    /// <summary><c>entry_valid</c> (offset 16): Name cache timeout, seconds.</summary>
    public ulong EntryValid;

    /// <summary><c>attr_valid</c> (offset 24): Attribute cache timeout, seconds.</summary>
    public ulong AttrValid;

    /// <summary><c>entry_valid_nsec</c> (offset 32): Name cache timeout, nanoseconds.</summary>
    public uint EntryValidNsec;

    /// <summary><c>attr_valid_nsec</c> (offset 36): Attribute cache timeout, nanoseconds.</summary>
    public uint AttrValidNsec;

    /// <summary><c>attr</c> (offset 40): The attributes.</summary>
    public FuseAttr Attr;
}
