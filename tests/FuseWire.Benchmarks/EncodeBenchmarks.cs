using System;
using BenchmarkDotNet.Attributes;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Benchmarks;

/// <summary>Encoding the replies a daemon sends most into a reusable buffer writer, rewound before each operation.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class EncodeBenchmarks
{
    private const int ReadSize = 4096;
    private readonly FuseProtocol _protocol = FuseProtocol.Latest;
    private readonly ResettableBufferWriter _output = new(1 << 16);
    private readonly byte[] _readFrame = new byte[FuseOutHeader.StructSize + ReadSize];
    private FuseEntryOut _entry;
    private FuseAttrOut _attr;

    /// <summary>Builds the reply structs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _entry = Frames.Entry();
        _attr = Frames.Attr();
    }

    /// <summary>LOOKUP's reply: header plus 128-byte <c>fuse_entry_out</c>.</summary>
    /// <returns>The frame's length.</returns>
    [Benchmark]
    public int EncodeEntry()
    {
        _output.Reset();
        return FuseReplyWriter.WriteEntry(_output, _protocol, Frames.Unique, _entry);
    }

    /// <summary>GETATTR's reply: header plus 104-byte <c>fuse_attr_out</c>.</summary>
    /// <returns>The frame's length.</returns>
    [Benchmark]
    public int EncodeAttr()
    {
        _output.Reset();
        return FuseReplyWriter.WriteAttr(_output, _protocol, Frames.Unique, _attr);
    }

    /// <summary>READ's reply header, written in place in front of 4 KiB of data the caller placed.</summary>
    /// <returns>The header's first byte (the length's low byte).</returns>
    [Benchmark]
    public byte EncodeReadHeader()
    {
        Span<byte> frame = _readFrame;
        FuseReplyWriter.WriteHeader(frame, Frames.Unique);
        return frame[0];
    }

    /// <summary>READ's reply header as a daemon writes it: room for header plus 4 KiB taken from the writer, header written, data left to the caller.</summary>
    /// <returns>The frame's length.</returns>
    [Benchmark]
    public int EncodeReadHeaderInWriter()
    {
        _output.Reset();
        int length = FuseOutHeader.StructSize + ReadSize;
        FuseReplyWriter.WriteHeader(_output.GetSpan(length)[..length], Frames.Unique);
        _output.Advance(length);
        return length;
    }

    /// <summary>An ENOENT error reply: the header alone, errno range checked.</summary>
    /// <returns>The frame's length.</returns>
    [Benchmark]
    public int EncodeError()
    {
        _output.Reset();
        return FuseReplyWriter.WriteError(_output, Frames.Unique, Errno.ENOENT);
    }
}
