using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>read_flags</c> of <see cref="FuseReadIn"/> (FUSE_READ_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseReadFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_READ_LOCKOWNER</c>: lock_owner is valid.</summary>
    LockOwner = 1U << 1,
}
