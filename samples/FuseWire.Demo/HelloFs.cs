using System;
using CommunityToolkit.HighPerformance.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Demo;

/// <summary>A one-file file system: the root (node 1) holds <c>hello.txt</c> (node 2).</summary>
internal static class HelloFs
{
    public const ulong HelloNode = 2;
    public const ulong HelloHandle = 7;
    public const uint RegularFile = 0x8000 | 0x1A4; // S_IFREG | 0644
    public const uint Directory = 0x4000 | 0x1ED;   // S_IFDIR | 0755

    public static ReadOnlySpan<byte> Content => "Hello, FUSE!\n"u8;

    public static FuseAttr HelloAttr => new() { Ino = HelloNode, Size = (ulong)Content.Length, Blocks = 1, Mode = RegularFile, NLink = 1, BlkSize = 4096 };

    public static FuseAttr RootAttr => new() { Ino = FuseConstants.RootId, Mode = Directory, NLink = 2, BlkSize = 4096 };

    // The README's example: decode a request frame, answer a LOOKUP with an entry or ENOENT.
    public static int AnswerLookup(ReadOnlySpan<byte> frame, in FuseProtocol protocol, ArrayPoolBufferWriter<byte> output)
    {
        FuseRequest request = FuseRequest.Parse(frame, protocol); // throws FuseProtocolException on a malformed frame
        if (request.Opcode != FuseOpcode.Lookup || !request.Name.SequenceEqual("hello.txt"u8))
        {
            return FuseReplyWriter.WriteError(output, request.Unique, Errno.ENOENT);
        }

        FuseEntryOut entry = new()
        {
            NodeId = 2,
            EntryValid = 1,
            AttrValid = 1,
            Attr = new FuseAttr { Ino = 2, Size = 13, Mode = 0x81A4 /* S_IFREG | 0644 */, NLink = 1 },
        };
        return FuseReplyWriter.WriteEntry(output, protocol, request.Unique, entry);
    }

    /// <summary>Writes a READDIRPLUS reply in place: header, then as many records as fit the size asked for.</summary>
    public static int WriteReaddirplus(ArrayPoolBufferWriter<byte> output, ulong unique, uint size)
    {
        int capacity = FuseOutHeader.StructSize + (int)size;
        Span<byte> frame = output.GetSpan(capacity)[..capacity];
        FuseDirentWriter dirents = new(frame[FuseOutHeader.StructSize..], plus: true);
        _ = dirents.TryAdd(FuseConstants.RootId, 1, 4 /* DT_DIR */, "."u8, Entry(FuseConstants.RootId, RootAttr));
        _ = dirents.TryAdd(FuseConstants.RootId, 2, 4 /* DT_DIR */, ".."u8);
        _ = dirents.TryAdd(HelloNode, 3, 8 /* DT_REG */, "hello.txt"u8, Entry(HelloNode, HelloAttr));
        int length = FuseOutHeader.StructSize + dirents.BytesWritten;
        FuseReplyWriter.WriteHeader(frame[..length], unique);
        output.Advance(length);
        return length;
    }

    public static FuseEntryOut Entry(ulong nodeId, in FuseAttr attr) =>
        new() { NodeId = nodeId, Generation = 1, EntryValid = 1, AttrValid = 1, Attr = attr };
}
