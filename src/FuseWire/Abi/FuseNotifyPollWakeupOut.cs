using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The body of a FUSE_NOTIFY_POLL notification.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_poll_wakeup_out</c> (8 bytes), since protocol 7.11. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyPollWakeupOut
{
    /// <summary>The size of <c>struct fuse_notify_poll_wakeup_out</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>kh</c> (offset 0): Kernel handle from the POLL request.</summary>
    public ulong Kh;
}
