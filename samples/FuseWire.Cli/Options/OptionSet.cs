using System;

namespace FuseWire.Cli.Options;

/// <summary>Which options a command accepts.</summary>
[Flags]
internal enum OptionSet
{
    /// <summary>Only FILE.</summary>
    None = 0,

    /// <summary><c>--minor 7.N</c>.</summary>
    Minor = 1,

    /// <summary><c>--json</c>.</summary>
    Json = 2,

    /// <summary><c>--opcode</c>, <c>--unique</c>, <c>--errors-only</c>.</summary>
    Filters = 4,

    /// <summary><c>--strict</c>.</summary>
    Strict = 8,
}
