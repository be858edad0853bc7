using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The body of a FUSE_NOTIFY_INVAL_ENTRY notification; the name and a NUL follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_inval_entry_out</c> (16 bytes), since protocol 7.12. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyInvalEntryOut
{
    /// <summary>The size of <c>struct fuse_notify_inval_entry_out</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>parent</c> (offset 0): Parent node id.</summary>
    public ulong Parent;

    /// <summary><c>namelen</c> (offset 8): Name length.</summary>
    public uint NameLen;

    /// <summary><c>flags</c> (offset 12): FUSE_EXPIRE_ONLY (7.38; padding before).</summary>
    public uint Flags;
}
