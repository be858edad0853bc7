using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace FuseWire.Tests.Transcripts;

/// <summary>Bytes of a pcapng block body written by hand in either byte order (the oracle the reader is checked against).</summary>
internal sealed class PcapngBody
{
    private readonly List<byte> _bytes = [];

    public PcapngBody(bool bigEndian)
    {
        BigEndian = bigEndian;
    }

    public bool BigEndian { get; }

    public int Length => _bytes.Count;

    public PcapngBody U16(ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b, value);
        }

        _bytes.AddRange(b);
        return this;
    }

    public PcapngBody U32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        }

        _bytes.AddRange(b);
        return this;
    }

    public PcapngBody U64(ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        if (BigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(b, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        }

        _bytes.AddRange(b);
        return this;
    }

    public PcapngBody Bytes(ReadOnlySpan<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public PcapngBody Pad()
    {
        while (_bytes.Count % 4 != 0)
        {
            _bytes.Add(0);
        }

        return this;
    }

    /// <summary>An option: code, length, value padded to 32 bits.</summary>
    public PcapngBody Option(ushort code, ReadOnlySpan<byte> value) => U16(code).U16((ushort)value.Length).Bytes(value).Pad();

    public PcapngBody Option(ushort code, string value) => Option(code, Encoding.UTF8.GetBytes(value));

    public PcapngBody EndOfOptions() => U32(0);

    public byte[] ToArray() => [.. _bytes];
}
