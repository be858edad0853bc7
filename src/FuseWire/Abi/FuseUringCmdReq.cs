using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The command of a FUSE-over-io_uring SQE.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_uring_cmd_req</c> (24 bytes), since protocol 7.42. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseUringCmdReq
{
    /// <summary>The size of <c>struct fuse_uring_cmd_req</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>flags</c> (offset 0): Flags.</summary>
    public ulong Flags;

    /// <summary><c>commit_id</c> (offset 8): Commit id.</summary>
    public ulong CommitId;

    /// <summary><c>qid</c> (offset 16): Queue index.</summary>
    public ushort Qid;

    /// <summary><c>padding</c> (offset 18): Padding.</summary>
    public FuseByteArray6 Padding;
}
