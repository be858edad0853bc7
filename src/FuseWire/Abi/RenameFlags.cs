using System;

namespace FuseWire.Abi;

/// <summary>
/// The <c>flags</c> of <see cref="FuseRename2In"/>: renameat2(2)'s RENAME_* from linux/fs.h.
/// </summary>
/// <remarks>Bit flags.</remarks>
[Flags]
public enum RenameFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>RENAME_NOREPLACE</c>: Don't overwrite the target.</summary>
    NoReplace = 1U << 0,

    /// <summary><c>RENAME_EXCHANGE</c>: Exchange source and target.</summary>
    Exchange = 1U << 1,

    /// <summary><c>RENAME_WHITEOUT</c>: Leave a whiteout at the source.</summary>
    Whiteout = 1U << 2,
}
