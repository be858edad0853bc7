using System.Collections.Generic;
using System.IO;
using FuseWire.Transcripts;

namespace FuseWire.Tests.Transcripts;

/// <summary>Reads whole transcripts for tests.</summary>
internal static class Transcript
{
    public static List<TranscriptFrame> ReadAll(byte[] file, FuseTranscriptReaderOptions? options = null) =>
        ReadAll(new MemoryStream(file), options, out _);

    public static List<TranscriptFrame> ReadAll(Stream stream, FuseTranscriptReaderOptions? options, out IReadOnlyList<FuseTranscriptInterface> interfaces)
    {
        using FuseTranscriptReader reader = new(stream, options);
        List<TranscriptFrame> frames = [];
        while (reader.TryRead(out FuseTranscriptRecord record))
        {
            frames.Add(TranscriptFrame.From(record));
        }

        interfaces = reader.Interfaces;
        return frames;
    }

    /// <summary>The exception reading <paramref name="file"/> throws (the test fails if there is none).</summary>
    public static FuseTranscriptException Failure(byte[] file, FuseTranscriptReaderOptions? options = null) =>
        Xunit.Assert.Throws<FuseTranscriptException>(() => ReadAll(file, options));

    public static FuseTranscriptException Failure(Stream stream, FuseTranscriptReaderOptions? options = null) =>
        Xunit.Assert.Throws<FuseTranscriptException>(() => ReadAll(stream, options, out _));
}
