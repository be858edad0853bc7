using System;
using System.Collections.Generic;

namespace FuseWire.Tests.Transcripts;

/// <summary>A pcapng file written by hand, block by block, in either byte order; lengths can be forged.</summary>
internal sealed class PcapngFile
{
    public const uint SectionHeaderType = 0x0A0D0D0A;
    public const uint InterfaceType = 1;
    public const uint SimplePacketType = 3;
    public const uint EnhancedPacketType = 6;

    private readonly List<byte> _bytes = [];

    public PcapngFile(bool bigEndian = false)
    {
        BigEndian = bigEndian;
    }

    public bool BigEndian { get; }

    /// <summary>The offset the next block will have.</summary>
    public int Offset => _bytes.Count;

    public PcapngBody Body() => new(BigEndian);

    public PcapngFile SectionHeader(ushort major = 1, ushort minor = 0, uint magic = 0x1A2B3C4D, string? application = null)
    {
        PcapngBody body = Body().U32(magic).U16(major).U16(minor).U64(ulong.MaxValue);
        if (application is not null)
        {
            body.Option(4, application).EndOfOptions();
        }

        return Block(SectionHeaderType, body.ToArray());
    }

    public PcapngFile Interface(ushort linkType = 147, string? name = "conn", byte? resolution = 9, long? offsetSeconds = null, uint snapLength = 0)
    {
        PcapngBody body = Body().U16(linkType).U16(0).U32(snapLength);
        if (name is not null)
        {
            body.Option(2, name);
        }

        if (resolution is byte r)
        {
            body.Option(9, [r]);
        }

        if (offsetSeconds is long seconds)
        {
            body.Option(14, Body().U64((ulong)seconds).ToArray());
        }

        if (name is not null || resolution is not null || offsetSeconds is not null)
        {
            body.EndOfOptions();
        }

        return Block(InterfaceType, body.ToArray());
    }

    /// <summary>An Enhanced Packet Block; <paramref name="flags"/> null leaves out epb_flags.</summary>
    public PcapngFile Packet(uint interfaceId, ulong timestamp, ReadOnlySpan<byte> data, uint? flags = 1, uint? original = null, uint? captured = null)
    {
        PcapngBody body = Body().U32(interfaceId).U32((uint)(timestamp >> 32)).U32((uint)timestamp)
            .U32(captured ?? (uint)data.Length).U32(original ?? (uint)data.Length).Bytes(data).Pad();
        if (flags is uint f)
        {
            body.Option(2, Body().U32(f).ToArray()).EndOfOptions();
        }

        return Block(EnhancedPacketType, body.ToArray());
    }

    /// <summary>A block: type, total length (or <paramref name="leading"/>), body, total length (or <paramref name="trailing"/>).</summary>
    public PcapngFile Block(uint type, ReadOnlySpan<byte> body, uint? leading = null, uint? trailing = null)
    {
        uint length = (uint)(12 + body.Length);
        _bytes.AddRange(Body().U32(type).U32(leading ?? length).Bytes(body).U32(trailing ?? length).ToArray());
        return this;
    }

    public PcapngFile Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
