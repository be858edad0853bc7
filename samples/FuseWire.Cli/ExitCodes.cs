namespace FuseWire.Cli;

/// <summary>The tool's exit statuses, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>Success; for <c>check</c>, no protocol violation found.</summary>
    public const int Ok = 0;

    /// <summary><c>check</c> (and <c>dump --errors-only</c> is unaffected) found protocol violations.</summary>
    public const int Violations = 1;

    /// <summary>The file cannot be read, or the command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>An unexpected failure inside the tool (reported in one line).</summary>
    public const int Internal = 3;
}
