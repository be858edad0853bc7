using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>flags</c> of <see cref="FuseNotifyInvalEntryOut"/>.
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseExpireFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_EXPIRE_ONLY</c>: Only expire the entry, do not invalidate it (7.38).</summary>
    ExpireOnly = 1U << 0,
}
