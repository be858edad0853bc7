using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The POLL reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_poll_out</c> (8 bytes), since protocol 7.11. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FusePollOut
{
    /// <summary>The size of <c>struct fuse_poll_out</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>revents</c> (offset 0): Returned poll events.</summary>
    public uint REvents;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;
}
