using System;
using System.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Validation;

/// <summary>Valid reply frames written by <see cref="FuseReplyWriter"/> and <see cref="FuseDirentWriter"/>.</summary>
internal static class ReplyFrames
{
    public const ulong Unique = 0xF00D;

    public static FuseReplyContext Context(FuseOpcode opcode, uint requestedSize = 0) => new(opcode, Unique, requestedSize);

    /// <summary>A LOOKUP reply: 16 + 128 bytes (16 + 120 before 7.9).</summary>
    public static byte[] Entry(in FuseProtocol protocol, ulong unique = Unique)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteEntry(output, protocol, unique, new FuseEntryOut { NodeId = 5, Generation = 1 });
        return output.WrittenSpan.ToArray();
    }

    /// <summary>An error reply: the 16-byte header with <c>error = -errno</c>.</summary>
    public static byte[] Error(int errno, ulong unique = Unique)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteError(output, unique, errno);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A success reply without payload (UNLINK, INTERRUPT, ...).</summary>
    public static byte[] Empty(ulong unique = Unique)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteEmpty(output, unique);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A data reply (READ): the header then <paramref name="length"/> bytes.</summary>
    public static byte[] Data(int length, ulong unique = Unique)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteData(output, unique, RequestFrames.Bytes(length, 'd'));
        return output.WrittenSpan.ToArray();
    }

    /// <summary>An INIT reply stating 7.<paramref name="minor"/>.</summary>
    public static byte[] Init(uint minor = FuseConstants.KernelMinorVersion, ulong unique = Unique)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteInit(output, unique, new FuseInitOut { Major = FuseConstants.KernelVersion, Minor = minor, MaxWrite = 131072 });
        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A READDIR (or READDIRPLUS) reply with one record per name. A READDIR record is 24 bytes + name padded to 8, its namelen at 16
    /// of the record; a READDIRPLUS record puts the 128-byte entry first, so namelen is at 144 and the name at 152.
    /// </summary>
    public static byte[] Dirents(bool plus, params string[] names)
    {
        byte[] buffer = new byte[8192];
        FuseDirentWriter writer = new(buffer.AsSpan(FuseOutHeader.StructSize), plus);
        ulong ino = 10;
        foreach (string name in names)
        {
            if (!writer.TryAdd(ino, ino, 8, System.Text.Encoding.UTF8.GetBytes(name), new FuseEntryOut { NodeId = ino }))
            {
                throw new InvalidOperationException("The test buffer is too small.");
            }

            ino++;
        }

        byte[] frame = buffer.AsSpan(0, FuseOutHeader.StructSize + writer.BytesWritten).ToArray();
        FuseReplyWriter.WriteHeader(frame, Unique);
        return frame;
    }

    /// <summary>Offset in the frame of the first record's namelen.</summary>
    public static int FirstNameLenOffset(bool plus) =>
        FuseOutHeader.StructSize + (plus ? FuseConstants.NameOffsetDirentplus : FuseConstants.NameOffset) - 8;

    /// <summary>Offset in the frame of the first record's name.</summary>
    public static int FirstNameOffset(bool plus) =>
        FuseOutHeader.StructSize + (plus ? FuseConstants.NameOffsetDirentplus : FuseConstants.NameOffset);
}
