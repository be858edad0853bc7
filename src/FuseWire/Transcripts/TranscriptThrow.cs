using System.Diagnostics.CodeAnalysis;

namespace FuseWire.Transcripts;

/// <summary>Cold throw helper for the transcript reader, so its hot methods stay small.</summary>
internal static class TranscriptThrow
{
    [DoesNotReturn]
    public static void Format(FuseTranscriptError error, long offset, string detail) => throw new FuseTranscriptException(error, offset, detail);
}
