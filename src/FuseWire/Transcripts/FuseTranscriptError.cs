namespace FuseWire.Transcripts;

/// <summary>What was wrong with a transcript file (<see cref="FuseTranscriptException.Error"/>).</summary>
public enum FuseTranscriptError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The file does not start with a Section Header Block (or is empty).</summary>
    MissingSectionHeader,

    /// <summary>A Section Header Block's byte-order magic is neither 0x1A2B3C4D nor its byte swap.</summary>
    BadByteOrderMagic,

    /// <summary>A Section Header Block's major version is not 1.</summary>
    UnsupportedVersion,

    /// <summary>The file ends inside a block (a stream that cannot seek only finds out on reading).</summary>
    Truncated,

    /// <summary>A block's total length runs past the end of the file.</summary>
    BlockPastEnd,

    /// <summary>A block's total length is not a multiple of 4.</summary>
    LengthNotMultipleOf4,

    /// <summary>A block's total length is below the minimum for its type.</summary>
    BlockTooSmall,

    /// <summary>A block's total length is above <see cref="FuseTranscriptReaderOptions.MaxBlockLength"/>.</summary>
    BlockTooLarge,

    /// <summary>A block's leading and trailing total-length fields differ.</summary>
    LengthMismatch,

    /// <summary>An option runs past the end of its block, or a known option has the wrong length.</summary>
    BadOption,

    /// <summary>An Enhanced Packet Block names an interface its section has not described.</summary>
    UnknownInterface,

    /// <summary>An Enhanced Packet Block is on an interface whose link type is not 147 (LINKTYPE_USER0, FUSE frames).</summary>
    WrongLinkType,

    /// <summary>An Enhanced Packet Block's captured length does not fit its block, exceeds the original length, or the original length exceeds 2^31-1.</summary>
    BadPacketLength,

    /// <summary>An Enhanced Packet Block's direction bits are 00 or 11 and the reader is strict.</summary>
    UnknownDirection,
}
