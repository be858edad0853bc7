using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The header area of a FUSE-over-io_uring ring entry.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_uring_req_header</c> (288 bytes), since protocol 7.42. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseUringReqHeader
{
    /// <summary>The size of <c>struct fuse_uring_req_header</c> in bytes.</summary>
    public const int StructSize = 288;

    /// <summary><c>in_out</c> (offset 0): The in or out header.</summary>
    public FuseByteArray128 InOut;

    /// <summary><c>op_in</c> (offset 128): The operation's argument.</summary>
    public FuseByteArray128 OpIn;

    /// <summary><c>ring_ent_in_out</c> (offset 256): Per-entry data.</summary>
    public FuseUringEntInOut RingEntInOut;
}
