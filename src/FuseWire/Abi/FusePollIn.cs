using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The POLL request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_poll_in</c> (24 bytes), since protocol 7.11. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FusePollIn
{
    /// <summary>The size of <c>struct fuse_poll_in</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>kh</c> (offset 8): Kernel handle for the wakeup notification.</summary>
    public ulong Kh;

    /// <summary><c>flags</c> (offset 16): FUSE_POLL_* flags.</summary>
    public uint Flags;

    /// <summary><c>events</c> (offset 20): Requested poll events (7.21).</summary>
    public uint Events;
}
