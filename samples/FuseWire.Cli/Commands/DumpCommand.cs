using System.IO;
using FuseWire.Cli.Analysis;
using FuseWire.Cli.Dump;
using FuseWire.Cli.Options;

namespace FuseWire.Cli.Commands;

/// <summary><c>fusewire dump FILE</c>: every frame as one line (or one JSON object), replies paired with their requests.</summary>
internal static class DumpCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>dump</c>.</param>
    /// <param name="stdout">Where frames go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLineParser.TryParse(args, OptionSet.Minor | OptionSet.Json | OptionSet.Filters | OptionSet.Strict, out CommandOptions options, out string error))
        {
            return Usage.Fail("dump", error, stderr);
        }

        TranscriptAnalyzer analyzer = TranscriptRunner.CreateAnalyzer(options);
        if (!options.Json)
        {
            return TranscriptRunner.Run("dump", options, analyzer, new TextDumpSink(options, stdout), stderr);
        }

        using var json = new JsonDumpSink(options, stdout);
        return TranscriptRunner.Run("dump", options, analyzer, json, stderr);
    }
}
