using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>release_flags</c> of <see cref="FuseReleaseIn"/> (FUSE_RELEASE_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseReleaseFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_RELEASE_FLUSH</c>: Flush before release.</summary>
    Flush = 1U << 0,

    /// <summary><c>FUSE_RELEASE_FLOCK_UNLOCK</c>: Release flock locks.</summary>
    FlockUnlock = 1U << 1,
}
