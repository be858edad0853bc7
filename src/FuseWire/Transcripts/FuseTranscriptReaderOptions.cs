namespace FuseWire.Transcripts;

/// <summary>How a <see cref="FuseTranscriptReader"/> treats what it reads.</summary>
public sealed record FuseTranscriptReaderOptions
{
    /// <summary>The default <see cref="MaxBlockLength"/>: 16 MiB, room for the largest FUSE frame at max_pages 4096.</summary>
    public const int DefaultMaxBlockLength = 16 << 20;

    /// <summary>The smallest <see cref="MaxBlockLength"/> accepted: an Enhanced Packet Block with its direction option and 64 bytes of frame.</summary>
    public const int MinimumMaxBlockLength = 108;

    /// <summary>
    /// When true, a frame whose direction bits are 00 (or 11) is not an error: the reader guesses the direction from the frame's
    /// header and sets <see cref="FuseTranscriptRecord.DirectionGuessed"/>. When false (the default) such a frame is a
    /// <see cref="FuseTranscriptError.UnknownDirection"/> error.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>The longest block accepted, in bytes; the reader's buffer never grows past it. A longer block is a
    /// <see cref="FuseTranscriptError.BlockTooLarge"/> error.</summary>
    public int MaxBlockLength { get; init; } = DefaultMaxBlockLength;
}
