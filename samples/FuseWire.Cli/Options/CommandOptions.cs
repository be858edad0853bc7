using FuseWire.Abi;

namespace FuseWire.Cli.Options;

/// <summary>The options of <c>dump</c>, <c>stats</c> and <c>check</c>, as parsed from the command line.</summary>
internal sealed class CommandOptions
{
    /// <summary>The transcript to read; "-" for standard input.</summary>
    public string File { get; set; } = "";

    /// <summary>The minor assumed until the transcript's INIT exchange (default: the newest the library speaks).</summary>
    public uint Minor { get; set; } = FuseConstants.KernelMinorVersion;

    /// <summary><c>--json</c>: one JSON object per frame.</summary>
    public bool Json { get; set; }

    /// <summary><c>--opcode NAME</c>: only requests of this opcode and their replies.</summary>
    public FuseOpcode? Opcode { get; set; }

    /// <summary><c>--unique N</c>: only the request with this unique and its reply.</summary>
    public ulong? Unique { get; set; }

    /// <summary><c>--errors-only</c>: only error replies and frames with findings.</summary>
    public bool ErrorsOnly { get; set; }

    /// <summary><c>--strict</c>: a reply longer than its opcode allows is a violation, not a warning.</summary>
    public bool Strict { get; set; }
}
