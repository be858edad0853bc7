using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>write_flags</c> of <see cref="FuseWriteIn"/> (FUSE_WRITE_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseWriteFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_WRITE_CACHE</c>: Delayed write from the page cache; the file handle is guessed.</summary>
    Cache = 1U << 0,

    /// <summary><c>FUSE_WRITE_LOCKOWNER</c>: lock_owner is valid.</summary>
    LockOwner = 1U << 1,

    /// <summary><c>FUSE_WRITE_KILL_SUIDGID</c>: Kill suid and sgid bits (FUSE_WRITE_KILL_PRIV before 7.33).</summary>
    KillSuidgid = 1U << 2,

    /// <summary><c>FUSE_WRITE_KILL_PRIV</c>: Obsolete alias of FUSE_WRITE_KILL_SUIDGID.</summary>
    KillPriv = KillSuidgid,
}
