using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The IOCTL request body; <c>in_size</c> bytes of input follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_ioctl_in</c> (32 bytes), since protocol 7.11. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseIoctlIn
{
    /// <summary>The size of <c>struct fuse_ioctl_in</c> in bytes.</summary>
    public const int StructSize = 32;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>flags</c> (offset 8): FUSE_IOCTL_* flags.</summary>
    public uint Flags;

    /// <summary><c>cmd</c> (offset 12): The ioctl command.</summary>
    public uint Cmd;

    /// <summary><c>arg</c> (offset 16): The ioctl argument.</summary>
    public ulong Arg;

    /// <summary><c>in_size</c> (offset 24): Bytes of input that follow.</summary>
    public uint InSize;

    /// <summary><c>out_size</c> (offset 28): Bytes of output wanted.</summary>
    public uint OutSize;
}
