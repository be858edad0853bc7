using System;
using System.IO;
using FuseWire.Cli.Options;
using FuseWire.Transcripts;
using FuseWire.Validation;

namespace FuseWire.Cli.Analysis;

/// <summary>Opens a transcript, streams its frames through a <see cref="TranscriptAnalyzer"/> to a sink, and turns file errors into one line.</summary>
internal static class TranscriptRunner
{
    /// <summary>Reads the whole transcript named by the options.</summary>
    /// <typeparam name="TSink">The sink's type (a struct or sealed class, so calls are direct).</typeparam>
    /// <param name="command">The command's name, for messages.</param>
    /// <param name="options">The options (file, minor, strictness).</param>
    /// <param name="analyzer">The analyzer, which keeps the connections' state for the caller.</param>
    /// <param name="sink">Receives every frame.</param>
    /// <param name="stderr">Where a file error goes.</param>
    /// <returns><see cref="ExitCodes.Ok"/> when the file was read to its end, else <see cref="ExitCodes.Usage"/> (the error written).</returns>
    public static int Run<TSink>(string command, CommandOptions options, TranscriptAnalyzer analyzer, TSink sink, TextWriter stderr)
        where TSink : IFrameSink
    {
        Stream stream;
        try
        {
            stream = options.File == "-" ? Console.OpenStandardInput() : new FileStream(options.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"fusewire {command}: cannot open '{options.File}': {ex.Message}");
            return ExitCodes.Usage;
        }

        using (stream)
        {
            return Run(command, options.File, stream, analyzer, sink, stderr);
        }
    }

    /// <summary>Reads a whole transcript from a stream.</summary>
    /// <typeparam name="TSink">The sink's type.</typeparam>
    /// <param name="command">The command's name, for messages.</param>
    /// <param name="name">The file's name, for messages.</param>
    /// <param name="stream">The transcript.</param>
    /// <param name="analyzer">The analyzer.</param>
    /// <param name="sink">Receives every frame.</param>
    /// <param name="stderr">Where a file error goes.</param>
    /// <returns><see cref="ExitCodes.Ok"/> or <see cref="ExitCodes.Usage"/>.</returns>
    public static int Run<TSink>(string command, string name, Stream stream, TranscriptAnalyzer analyzer, TSink sink, TextWriter stderr)
        where TSink : IFrameSink
    {
        try
        {
            using var reader = new FuseTranscriptReader(stream, new FuseTranscriptReaderOptions { Lenient = true });
            while (reader.TryRead(out FuseTranscriptRecord record))
            {
                analyzer.Analyze(
                    record.Frame, record.OriginalLength, record.Direction, record.DirectionGuessed, record.Index, record.TimestampNanoseconds, record.InterfaceId,
                    out AnalyzedFrame frame);
                sink.OnFrame(ref frame);
            }
        }
        catch (FuseTranscriptException ex)
        {
            stderr.WriteLine($"fusewire {command}: '{name}' is not a readable transcript: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (IOException ex)
        {
            stderr.WriteLine($"fusewire {command}: cannot read '{name}': {ex.Message}");
            return ExitCodes.Usage;
        }

        return ExitCodes.Ok;
    }

    /// <summary>Creates the analyzer the options describe.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The analyzer.</returns>
    public static TranscriptAnalyzer CreateAnalyzer(CommandOptions options) =>
        new(options.Minor, options.Strict ? FuseReplyStrictness.Strict : FuseReplyStrictness.Lenient);
}
