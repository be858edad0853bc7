using System;

namespace FuseWire.Transcripts;

/// <summary>
/// One frame of a transcript, as <see cref="FuseTranscriptReader.TryRead"/> returns it: a view over the reader's buffer, valid
/// until the next call.
/// </summary>
public readonly ref struct FuseTranscriptRecord
{
    internal FuseTranscriptRecord(long index, long offset, int interfaceId, long timestampNanoseconds, FuseFrameDirection direction, bool directionGuessed, ReadOnlySpan<byte> frame, int originalLength)
    {
        Index = index;
        Offset = offset;
        InterfaceId = interfaceId;
        TimestampNanoseconds = timestampNanoseconds;
        Direction = direction;
        DirectionGuessed = directionGuessed;
        Frame = frame;
        OriginalLength = originalLength;
    }

    /// <summary>The frame's position among the transcript's frames, from 0.</summary>
    public long Index { get; }

    /// <summary>The offset of the frame's Enhanced Packet Block in the file.</summary>
    public long Offset { get; }

    /// <summary>The index in <see cref="FuseTranscriptReader.Interfaces"/> of the connection the frame crossed (the block's
    /// interface id plus the number of interfaces that earlier sections described).</summary>
    public int InterfaceId { get; }

    /// <summary>When the frame crossed, in nanoseconds since the Unix epoch (the interface's <c>if_tsresol</c> and
    /// <c>if_tsoffset</c> applied).</summary>
    public long TimestampNanoseconds { get; }

    /// <summary>Which way the frame crossed; <see cref="FuseFrameDirection.Unknown"/> only from a lenient reader that could not guess.</summary>
    public FuseFrameDirection Direction { get; }

    /// <summary>Whether <see cref="Direction"/> is a lenient reader's guess from the frame's header rather than the file's record.</summary>
    public bool DirectionGuessed { get; }

    /// <summary>The frame's captured bytes (all of it unless <see cref="IsTruncated"/>); valid until the next read.</summary>
    public ReadOnlySpan<byte> Frame { get; }

    /// <summary>The frame's length on the connection.</summary>
    public int OriginalLength { get; }

    /// <summary>Whether the writer kept only the first part of the frame (captured length below the original): decode the
    /// header, not the payload.</summary>
    public bool IsTruncated => Frame.Length < OriginalLength;
}
