using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>flags</c> of <see cref="FuseSetupmappingIn"/> (FUSE_SETUPMAPPING_FLAG_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseSetupmappingFlags : ulong
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_SETUPMAPPING_FLAG_WRITE</c>: Map for writing.</summary>
    Write = 1UL << 0,

    /// <summary><c>FUSE_SETUPMAPPING_FLAG_READ</c>: Map for reading.</summary>
    Read = 1UL << 1,
}
