using System;
using System.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Benchmarks;

/// <summary>Builds the frames the benchmarks decode and validate, with the library's own writers, once per run.</summary>
internal static class Frames
{
    /// <summary>The unique every benchmark request and reply carries.</summary>
    public const ulong Unique = 0x1234;

    /// <summary>The node every benchmark request is about.</summary>
    public const ulong NodeId = 42;

    /// <summary>Bytes of WRITE data.</summary>
    public const int WriteDataSize = 4096;

    /// <summary>A LOOKUP of "benchmark-file.txt".</summary>
    public static byte[] Lookup() => Request(FuseOpcode.Lookup, static (w, h) => FuseRequestWriter.WriteLookup(w, h, "benchmark-file.txt"u8));

    /// <summary>A GETATTR with a file handle.</summary>
    public static byte[] Getattr() => Request(FuseOpcode.Getattr, static (w, h) =>
        FuseRequestWriter.Write(w, FuseProtocol.Latest, h, new FuseGetattrIn { GetattrFlags = 1, Fh = 7 }));

    /// <summary>A READ of 128 KiB at offset 1 MiB.</summary>
    public static byte[] Read() => Request(FuseOpcode.Read, static (w, h) =>
        FuseRequestWriter.Write(w, FuseProtocol.Latest, h, new FuseReadIn { Fh = 7, Offset = 1 << 20, Size = 128 * 1024 }));

    /// <summary>A WRITE of <see cref="WriteDataSize"/> bytes at offset 4 KiB.</summary>
    public static byte[] Write() => Request(FuseOpcode.Write, static (w, h) =>
    {
        byte[] data = new byte[WriteDataSize];
        data.AsSpan().Fill(0xAB);
        return FuseRequestWriter.Write(w, FuseProtocol.Latest, h, new FuseWriteIn { Fh = 7, Offset = 4096, Size = WriteDataSize }, data: data);
    });

    /// <summary>A sample entry for LOOKUP replies.</summary>
    public static FuseEntryOut Entry() => new()
    {
        NodeId = NodeId,
        Generation = 1,
        EntryValid = 1,
        AttrValid = 1,
        Attr = Attr().Attr,
    };

    /// <summary>A sample attr reply for GETATTR.</summary>
    public static FuseAttrOut Attr() => new()
    {
        AttrValid = 1,
        Attr = new FuseAttr { Ino = NodeId, Size = 4096, Blocks = 8, Mode = 0x81A4, NLink = 1, Uid = 1000, Gid = 1000, BlkSize = 4096 },
    };

    /// <summary>A valid ENTRY reply at 7.45.</summary>
    public static byte[] EntryReply()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteEntry(output, FuseProtocol.Latest, Unique, Entry());
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A valid ATTR reply at 7.45.</summary>
    public static byte[] AttrReply()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteAttr(output, FuseProtocol.Latest, Unique, Attr());
        return output.WrittenSpan.ToArray();
    }

    private static byte[] Request(FuseOpcode opcode, Func<IBufferWriter<byte>, FuseInHeader, int> write)
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = opcode, Unique = Unique, NodeId = NodeId, Uid = 1000, Gid = 1000, Pid = 4242 };
        write(output, header);
        return output.WrittenSpan.ToArray();
    }
}
