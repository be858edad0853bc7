using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using FuseWire.Cli;
using FuseWire.Cli.Analysis;
using FuseWire.Cli.Check;
using FuseWire.Cli.Dump;
using FuseWire.Cli.Options;

namespace FuseWire.Benchmarks;

/// <summary>
/// <c>fusewire check</c> and <c>fusewire dump</c> streaming an in-memory transcript, output to <see cref="TextWriter.Null"/>: metadata
/// traffic (LOOKUP and GETATTR exchanges, 100,002 frames of 40 to 144 bytes) and data traffic (128 KiB WRITE and READ exchanges,
/// 1,026 frames, 64 MiB). One operation reads the whole transcript; divide its frames or bytes by the mean for the rates.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class CliBenchmarks
{
    private byte[] _transcript = [];
    private CommandOptions _options = new();

    /// <summary>The traffic.</summary>
    [Params("metadata", "data")]
    public string Workload { get; set; } = "metadata";

    /// <summary>Frames in the transcript.</summary>
    public int FrameCount { get; private set; }

    /// <summary>Builds the transcript and checks that it is clean, so the clean path is measured.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _transcript = Workload == "data" ? CliTranscripts.Data(256, out int frames) : CliTranscripts.Metadata(25_000, out frames);
        FrameCount = frames;
        _options = new CommandOptions { File = "bench" };
        var sink = new CheckSink(TextWriter.Null);
        if (Run(sink) != ExitCodes.Ok || sink.Frames != frames || sink.Violations != 0)
        {
            throw new InvalidOperationException($"The benchmark transcript must read cleanly: {sink.Frames} frames, {sink.Violations} violations.");
        }
    }

    /// <summary><c>fusewire check</c>: decode, pair and validate every frame.</summary>
    /// <returns>The number of frames.</returns>
    [Benchmark]
    public long Check()
    {
        var sink = new CheckSink(TextWriter.Null);
        _ = Run(sink);
        return sink.Frames;
    }

    /// <summary><c>fusewire dump</c>: one text line per frame.</summary>
    /// <returns>The exit status.</returns>
    [Benchmark]
    public int Dump() => Run(new TextDumpSink(_options, TextWriter.Null));

    /// <summary><c>fusewire dump --json</c>: one JSON object per frame.</summary>
    /// <returns>The exit status.</returns>
    [Benchmark]
    public int DumpJson()
    {
        using var sink = new JsonDumpSink(_options, TextWriter.Null);
        return Run(sink);
    }

    private int Run<TSink>(TSink sink)
        where TSink : IFrameSink
    {
        using var stream = new MemoryStream(_transcript, writable: false);
        return TranscriptRunner.Run("bench", "bench", stream, TranscriptRunner.CreateAnalyzer(_options), sink, TextWriter.Null);
    }
}
