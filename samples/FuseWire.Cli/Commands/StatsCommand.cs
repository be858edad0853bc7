using System.IO;
using FuseWire.Cli.Analysis;
using FuseWire.Cli.Options;
using FuseWire.Cli.Stats;

namespace FuseWire.Cli.Commands;

/// <summary><c>fusewire stats FILE</c>: per opcode counts, errors, latency percentiles and bytes; the protocol negotiated; findings by rule.</summary>
internal static class StatsCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>stats</c>.</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLineParser.TryParse(args, OptionSet.Minor | OptionSet.Strict, out CommandOptions options, out string error))
        {
            return Usage.Fail("stats", error, stderr);
        }

        TranscriptAnalyzer analyzer = TranscriptRunner.CreateAnalyzer(options);
        var sink = new StatsSink();
        int status = TranscriptRunner.Run("stats", options, analyzer, sink, stderr);
        if (status == ExitCodes.Ok)
        {
            StatsReport.Write(options.File, sink, analyzer.Connections, stdout);
        }

        return status;
    }
}
