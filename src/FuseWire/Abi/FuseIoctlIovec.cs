using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// One iovec of an unrestricted IOCTL retry.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_ioctl_iovec</c> (16 bytes), since protocol 7.16. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseIoctlIovec
{
    /// <summary>The size of <c>struct fuse_ioctl_iovec</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>base</c> (offset 0): Address.</summary>
    public ulong Base;

    /// <summary><c>len</c> (offset 8): Length.</summary>
    public ulong Len;
}
