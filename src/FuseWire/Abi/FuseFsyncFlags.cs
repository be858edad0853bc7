using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>fsync_flags</c> of <see cref="FuseFsyncIn"/> (FUSE_FSYNC_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseFsyncFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_FSYNC_FDATASYNC</c>: Synchronise data only, not metadata.</summary>
    Fdatasync = 1U << 0,
}
