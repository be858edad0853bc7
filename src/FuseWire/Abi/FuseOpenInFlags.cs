using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>open_flags</c> of <see cref="FuseOpenIn"/> and <see cref="FuseCreateIn"/> (FUSE_OPEN_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseOpenInFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_OPEN_KILL_SUIDGID</c>: Kill suid and sgid if executable (7.33).</summary>
    KillSuidgid = 1U << 0,
}
