using System;

namespace FuseWire.Transcripts;

/// <summary>
/// One connection of a transcript: a pcapng Interface Description Block. Its index in
/// <see cref="FuseTranscriptReader.Interfaces"/> is the <see cref="FuseTranscriptRecord.InterfaceId"/> of its frames.
/// </summary>
public sealed class FuseTranscriptInterface
{
    private const long NanosecondsPerSecond = 1_000_000_000;

    internal FuseTranscriptInterface(int sectionIndex, int localId, string name, ushort linkType, uint snapLength, byte timestampResolution, long timestampOffsetSeconds)
    {
        SectionIndex = sectionIndex;
        LocalId = localId;
        Name = name;
        LinkType = linkType;
        SnapLength = snapLength;
        TimestampResolution = timestampResolution;
        TimestampOffsetSeconds = timestampOffsetSeconds;
    }

    /// <summary>The interface's <c>if_name</c> (a mountpoint or a connection name); empty when the block has none.</summary>
    public string Name { get; }

    /// <summary>The link type; 147 (LINKTYPE_USER0) for FUSE frames.</summary>
    public ushort LinkType { get; }

    /// <summary>The snapshot length; 0 means unlimited (FuseWire writes 0).</summary>
    public uint SnapLength { get; }

    /// <summary>
    /// The raw <c>if_tsresol</c> byte: with bit 7 clear, timestamps count units of 10^-n seconds; with it set, units of
    /// 2^-n seconds (n = the low 7 bits). 6 (microseconds) when the option is absent; FuseWire writes 9 (nanoseconds).
    /// </summary>
    public byte TimestampResolution { get; }

    /// <summary>The <c>if_tsoffset</c> option: seconds added to every timestamp (0 when absent).</summary>
    public long TimestampOffsetSeconds { get; }

    /// <summary>Which section of the file described the interface (0 for the first).</summary>
    public int SectionIndex { get; }

    /// <summary>The interface id within its section, as its Enhanced Packet Blocks name it.</summary>
    public int LocalId { get; }

    /// <summary>Converts a raw 64-bit timestamp in this interface's units to nanoseconds since the Unix epoch, saturating at
    /// <see cref="long.MaxValue"/> and <see cref="long.MinValue"/>.</summary>
    /// <param name="timestamp">The Enhanced Packet Block's timestamp (high half shifted left 32, or'ed with the low half).</param>
    /// <returns>Nanoseconds since the Unix epoch.</returns>
    public long ToNanoseconds(ulong timestamp)
    {
        if (TimestampResolution == Pcapng.NanosecondResolution && TimestampOffsetSeconds == 0)
        {
            return timestamp <= long.MaxValue ? (long)timestamp : long.MaxValue;
        }

        Int128 nanoseconds = (Int128)Scale(timestamp, TimestampResolution) + ((Int128)TimestampOffsetSeconds * NanosecondsPerSecond);
        return nanoseconds > long.MaxValue ? long.MaxValue : nanoseconds < long.MinValue ? long.MinValue : (long)nanoseconds;
    }

    private static UInt128 Scale(ulong timestamp, byte resolution)
    {
        int exponent = resolution & 0x7F;
        if ((resolution & 0x80) != 0)
        {
            // Units of 2^-n seconds: ns = ts * 10^9 / 2^n. ts * 10^9 < 2^94, so n >= 94 leaves nothing.
            return exponent >= 94 ? UInt128.Zero : ((UInt128)timestamp * NanosecondsPerSecond) >> exponent;
        }

        if (exponent <= 9)
        {
            return (UInt128)timestamp * Pow10(9 - exponent);
        }

        // Units of 10^-n seconds with n > 9: divide; ts < 2^64 < 10^20, so a divisor of 10^20 or more leaves nothing.
        return exponent - 9 >= 20 ? UInt128.Zero : (UInt128)(timestamp / Pow10(exponent - 9));
    }

    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
