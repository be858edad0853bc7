using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// Per-entry data of a FUSE-over-io_uring ring entry.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_uring_ent_in_out</c> (32 bytes), since protocol 7.42. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseUringEntInOut
{
    /// <summary>The size of <c>struct fuse_uring_ent_in_out</c> in bytes.</summary>
    public const int StructSize = 32;

    /// <summary><c>flags</c> (offset 0): Flags.</summary>
    public ulong Flags;

    /// <summary><c>commit_id</c> (offset 8): Commit id.</summary>
    public ulong CommitId;

    /// <summary><c>payload_sz</c> (offset 16): Payload size.</summary>
    public uint PayloadSz;

    /// <summary><c>padding</c> (offset 20): Padding.</summary>
    public uint Padding;

    /// <summary><c>reserved</c> (offset 24): Reserved.</summary>
    public ulong Reserved;
}
