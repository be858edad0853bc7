using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>setxattr_flags</c> of <see cref="FuseSetxattrIn"/> (FUSE_SETXATTR_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseSetxattrFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_SETXATTR_ACL_KILL_SGID</c>: Clear SGID when a system.posix_acl_access is set.</summary>
    AclKillSgid = 1U << 0,
}
