using System;

namespace FuseWire.Abi;

/// <summary>
/// The flags of <see cref="CuseInitIn"/> and <see cref="CuseInitOut"/> (CUSE_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum CuseInitFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>CUSE_UNRESTRICTED_IOCTL</c>: Use unrestricted ioctl.</summary>
    UnrestrictedIoctl = 1U << 0,
}
