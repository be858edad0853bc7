using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>flags</c> of <see cref="FuseAttr"/> (FUSE_ATTR_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FuseAttrFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FUSE_ATTR_SUBMOUNT</c>: The object is a submount root.</summary>
    Submount = 1U << 0,

    /// <summary><c>FUSE_ATTR_DAX</c>: Enable DAX for this file in per-inode DAX mode.</summary>
    Dax = 1U << 1,
}
