using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The IOCTL reply body; output data or iovecs follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_ioctl_out</c> (16 bytes), since protocol 7.11. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseIoctlOut
{
    /// <summary>The size of <c>struct fuse_ioctl_out</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>result</c> (offset 0): The ioctl result.</summary>
    public int Result;

    /// <summary><c>flags</c> (offset 4): FUSE_IOCTL_* flags.</summary>
    public uint Flags;

    /// <summary><c>in_iovs</c> (offset 8): Number of input iovecs (retry).</summary>
    public uint InIovs;

    /// <summary><c>out_iovs</c> (offset 12): Number of output iovecs (retry).</summary>
    public uint OutIovs;
}
