using System.IO;
using FuseWire.Cli.Analysis;
using FuseWire.Cli.Check;
using FuseWire.Cli.Options;

namespace FuseWire.Cli.Commands;

/// <summary>
/// <c>fusewire check FILE</c>: validates every frame (requests with the request decoder, replies with the validator and the outstanding
/// table) and exits 0 when clean, 1 when it found violations (each listed), 2 when the file cannot be read.
/// </summary>
internal static class CheckCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>check</c>.</param>
    /// <param name="stdout">Where findings and the summary go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLineParser.TryParse(args, OptionSet.Minor | OptionSet.Strict, out CommandOptions options, out string error))
        {
            return Usage.Fail("check", error, stderr);
        }

        var sink = new CheckSink(stdout);
        int status = TranscriptRunner.Run("check", options, TranscriptRunner.CreateAnalyzer(options), sink, stderr);
        if (status != ExitCodes.Ok)
        {
            return status;
        }

        stdout.WriteLine($"{sink.Frames} frames, {sink.Violations} violations, {sink.Warnings} warnings");
        return sink.Violations == 0 ? ExitCodes.Ok : ExitCodes.Violations;
    }
}
