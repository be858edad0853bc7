using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The body of a FUSE_NOTIFY_PRUNE notification; <c>count</c> 64-bit node ids follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_prune_out</c> (16 bytes), since protocol 7.45. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyPruneOut
{
    /// <summary>The size of <c>struct fuse_notify_prune_out</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>count</c> (offset 0): Number of node ids.</summary>
    public uint Count;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;

    /// <summary><c>spare</c> (offset 8): Reserved.</summary>
    public ulong Spare;
}
