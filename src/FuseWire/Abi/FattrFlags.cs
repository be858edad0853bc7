using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>valid</c> bits of <see cref="FuseSetattrIn"/> (FATTR_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FattrFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FATTR_MODE</c>: Set the mode.</summary>
    Mode = 1U << 0,

    /// <summary><c>FATTR_UID</c>: Set the owner.</summary>
    Uid = 1U << 1,

    /// <summary><c>FATTR_GID</c>: Set the group.</summary>
    Gid = 1U << 2,

    /// <summary><c>FATTR_SIZE</c>: Set the size.</summary>
    Size = 1U << 3,

    /// <summary><c>FATTR_ATIME</c>: Set the access time.</summary>
    Atime = 1U << 4,

    /// <summary><c>FATTR_MTIME</c>: Set the modification time.</summary>
    Mtime = 1U << 5,

    /// <summary><c>FATTR_FH</c>: fh is valid.</summary>
    Fh = 1U << 6,

    /// <summary><c>FATTR_ATIME_NOW</c>: Set the access time to now.</summary>
    AtimeNow = 1U << 7,

    /// <summary><c>FATTR_MTIME_NOW</c>: Set the modification time to now.</summary>
    MtimeNow = 1U << 8,

    /// <summary><c>FATTR_LOCKOWNER</c>: lock_owner is valid.</summary>
    LockOwner = 1U << 9,

    /// <summary><c>FATTR_CTIME</c>: Set the change time.</summary>
    Ctime = 1U << 10,

    /// <summary><c>FATTR_KILL_SUIDGID</c>: Kill suid and sgid bits.</summary>
    KillSuidgid = 1U << 11,
}
