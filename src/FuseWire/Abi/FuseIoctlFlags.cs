using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>flags</c> of <see cref="FuseIoctlIn"/> and <see cref="FuseIoctlOut"/> (FUSE_IOCTL_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseIoctlFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_IOCTL_COMPAT</c>: 32-bit compat ioctl on a 64-bit machine.</summary>
    Compat = 1U << 0,

    /// <summary><c>FUSE_IOCTL_UNRESTRICTED</c>: Not restricted to well-formed ioctls; retry allowed.</summary>
    Unrestricted = 1U << 1,

    /// <summary><c>FUSE_IOCTL_RETRY</c>: Retry with new iovecs.</summary>
    Retry = 1U << 2,

    /// <summary><c>FUSE_IOCTL_32BIT</c>: 32-bit ioctl.</summary>
    Bits32 = 1U << 3,

    /// <summary><c>FUSE_IOCTL_DIR</c>: The file is a directory.</summary>
    Dir = 1U << 4,

    /// <summary><c>FUSE_IOCTL_COMPAT_X32</c>: x32 compat ioctl on a 64-bit machine (64-bit time_t).</summary>
    CompatX32 = 1U << 5,
}
