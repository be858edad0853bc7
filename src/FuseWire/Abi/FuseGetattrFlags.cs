using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>getattr_flags</c> of <see cref="FuseGetattrIn"/> (FUSE_GETATTR_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseGetattrFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_GETATTR_FH</c>: fh is valid.</summary>
    Fh = 1U << 0,
}
