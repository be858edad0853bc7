using System;
using System.Collections.Generic;

namespace FuseWire.Tests.Transcripts;

/// <summary>Compares copied records field by field, the frame bytes by content.</summary>
internal sealed class TranscriptFrameComparer : IEqualityComparer<TranscriptFrame>
{
    public static readonly TranscriptFrameComparer Instance = new();

    public bool Equals(TranscriptFrame? x, TranscriptFrame? y) =>
        x is not null && y is not null
        && x with { Frame = Array.Empty<byte>() } == y with { Frame = Array.Empty<byte>() }
        && x.Frame.AsSpan().SequenceEqual(y.Frame);

    public int GetHashCode(TranscriptFrame obj) => obj.Index.GetHashCode();
}
