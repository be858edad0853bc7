using FuseWire.Transcripts;

namespace FuseWire.Tests.Transcripts;

/// <summary>A record copied out of the reader, for comparing.</summary>
internal sealed record TranscriptFrame(long Index, long Offset, int InterfaceId, long TimestampNanoseconds, FuseFrameDirection Direction, bool DirectionGuessed, byte[] Frame, int OriginalLength, bool IsTruncated)
{
    public static TranscriptFrame From(in FuseTranscriptRecord r) =>
        new(r.Index, r.Offset, r.InterfaceId, r.TimestampNanoseconds, r.Direction, r.DirectionGuessed, r.Frame.ToArray(), r.OriginalLength, r.IsTruncated);
}
