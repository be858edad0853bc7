using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>flags</c> of <see cref="FusePollIn"/> (FUSE_POLL_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FusePollFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_POLL_SCHEDULE_NOTIFY</c>: Request a poll notification.</summary>
    ScheduleNotify = 1U << 0,
}
