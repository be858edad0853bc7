using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>lk_flags</c> of <see cref="FuseLkIn"/> (FUSE_LK_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseLkFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_LK_FLOCK</c>: A BSD flock lock rather than a POSIX lock.</summary>
    Flock = 1U << 0,
}
