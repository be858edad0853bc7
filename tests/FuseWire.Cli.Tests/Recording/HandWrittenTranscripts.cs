using System;
using System.Buffers;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transcripts;

namespace FuseWire.Cli.Tests.Recording;

/// <summary>Transcripts written frame by frame with fixed timestamps: a clean INIT exchange followed by chosen protocol violations.</summary>
internal static class HandWrittenTranscripts
{
    private const long Start = 1_767_323_045_000_000_000;

    /// <summary>
    /// INIT (clean), then: a LOOKUP reply whose entry_out is cut to 40 bytes, a reply to a unique nobody sent, a GETATTR reply with an
    /// error outside errno's range, a LOOKUP request whose name has no NUL, and a second reply to the same unique.
    /// </summary>
    public static byte[] WithViolations()
    {
        using var stream = new MemoryStream();
        using (var writer = new FuseTranscriptWriter(stream, leaveOpen: true))
        {
            int id = writer.AddInterface("violations");
            long time = Start;
            void Request(byte[] frame) => writer.Write(id, FuseFrameDirection.Request, frame, time += 1_000);
            void Reply(byte[] frame) => writer.Write(id, FuseFrameDirection.Reply, frame, time += 5_000);

            Request(InitRequest(2));
            Reply(InitReply(2));
            Request(RequestFrame(FuseOpcode.Lookup, 4, 1, Encoding.ASCII.GetBytes("short\0")));
            Reply(ReplyFrame(4, 0, new byte[40]));
            Reply(ReplyFrame(99, 0, []));
            Request(RequestFrame(FuseOpcode.Getattr, 6, 1, new byte[FuseGetattrIn.StructSize]));
            Reply(ReplyFrame(6, -5000, []));
            Request(RequestFrame(FuseOpcode.Lookup, 8, 1, Encoding.ASCII.GetBytes("no-nul")));
            Reply(ReplyFrame(8, -2, []));
            Request(RequestFrame(FuseOpcode.Statfs, 10, 1, []));
            Reply(ReplyFrame(10, -38, []));
            Reply(ReplyFrame(10, -38, []));
        }

        return stream.ToArray();
    }

    /// <summary>A clean exchange: INIT, then LOOKUP answered with ENOENT.</summary>
    public static byte[] Clean()
    {
        using var stream = new MemoryStream();
        using (var writer = new FuseTranscriptWriter(stream, leaveOpen: true))
        {
            int id = writer.AddInterface("clean");
            writer.Write(id, FuseFrameDirection.Request, InitRequest(2), Start);
            writer.Write(id, FuseFrameDirection.Reply, InitReply(2), Start + 10_000);
            writer.Write(id, FuseFrameDirection.Request, RequestFrame(FuseOpcode.Lookup, 4, 1, Encoding.ASCII.GetBytes("x\0")), Start + 20_000);
            writer.Write(id, FuseFrameDirection.Reply, ReplyFrame(4, -2, []), Start + 32_500);
        }

        return stream.ToArray();
    }

    /// <summary>INIT, then a GETATTR whose reply carries 8 bytes more than fuse_attr_out: usable, so a warning unless strict.</summary>
    public static byte[] WithLongReply()
    {
        using var stream = new MemoryStream();
        using (var writer = new FuseTranscriptWriter(stream, leaveOpen: true))
        {
            int id = writer.AddInterface("long");
            writer.Write(id, FuseFrameDirection.Request, InitRequest(2), Start);
            writer.Write(id, FuseFrameDirection.Reply, InitReply(2), Start + 10_000);
            writer.Write(id, FuseFrameDirection.Request, RequestFrame(FuseOpcode.Getattr, 4, 1, new byte[FuseGetattrIn.StructSize]), Start + 20_000);
            writer.Write(id, FuseFrameDirection.Reply, ReplyFrame(4, 0, new byte[FuseAttrOut.StructSize + 8]), Start + 30_000);
        }

        return stream.ToArray();
    }

    private static byte[] InitRequest(ulong unique)
    {
        FuseProtocol.Split(FuseInitFlags.AsyncRead | FuseInitFlags.InitExt, out uint low, out uint high);
        FuseInitIn init = new() { Major = 7, Minor = FuseConstants.KernelMinorVersion, MaxReadahead = 131072, Flags = low, Flags2 = high };
        var output = new ArrayBufferWriter<byte>();
        FuseInHeader header = new() { Opcode = FuseOpcode.Init, Unique = unique };
        _ = FuseRequestWriter.Write(output, FuseProtocol.Initial, header, init);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] InitReply(ulong unique)
    {
        FuseProtocol.Split(FuseInitFlags.AsyncRead | FuseInitFlags.InitExt, out uint low, out uint high);
        FuseInitOut init = new() { Major = 7, Minor = FuseConstants.KernelMinorVersion, MaxReadahead = 131072, Flags = low, Flags2 = high, MaxWrite = 131072, MaxPages = 32 };
        return ReplyFrame(unique, 0, MemoryMarshal.AsBytes(new ReadOnlySpan<FuseInitOut>(in init)).ToArray());
    }

    /// <summary>A request frame with the header's len set to the bytes given (no checks: a test may want a bad frame).</summary>
    public static byte[] RequestFrame(FuseOpcode opcode, ulong unique, ulong nodeId, byte[] body)
    {
        byte[] frame = new byte[FuseInHeader.StructSize + body.Length];
        FuseInHeader header = new() { Len = (uint)frame.Length, Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 7 };
        MemoryMarshal.Write(frame, in header);
        body.CopyTo(frame, FuseInHeader.StructSize);
        return frame;
    }

    /// <summary>A reply frame with the header's len set to the bytes given.</summary>
    public static byte[] ReplyFrame(ulong unique, int error, byte[] body)
    {
        byte[] frame = new byte[FuseOutHeader.StructSize + body.Length];
        FuseOutHeader header = new() { Len = (uint)frame.Length, Error = error, Unique = unique };
        MemoryMarshal.Write(frame, in header);
        body.CopyTo(frame, FuseOutHeader.StructSize);
        return frame;
    }

    /// <summary>Copies a transcript without its first <paramref name="skip"/> frames (a capture that starts after INIT).</summary>
    public static byte[] Skip(string path, int skip)
    {
        using var input = File.OpenRead(path);
        using var reader = new FuseTranscriptReader(input);
        using var stream = new MemoryStream();
        using (var writer = new FuseTranscriptWriter(stream, leaveOpen: true))
        {
            int id = writer.AddInterface("after-init");
            while (reader.TryRead(out FuseTranscriptRecord record))
            {
                if (record.Index >= skip)
                {
                    writer.Write(id, record.Direction, record.Frame, record.TimestampNanoseconds);
                }
            }
        }

        return stream.ToArray();
    }
}
