using System;
using System.Buffers;
using System.IO;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transcripts;

namespace FuseWire.Benchmarks;

/// <summary>In-memory transcripts for the <c>fusewire</c> benchmarks: an INIT exchange, then metadata or data traffic.</summary>
internal static class CliTranscripts
{
    /// <summary>Bytes of each READ reply's and WRITE request's data in the data-heavy transcript.</summary>
    public const int DataSize = 128 * 1024;

    /// <summary>LOOKUP and GETATTR exchanges, four frames per round: the metadata workload.</summary>
    /// <param name="rounds">How many LOOKUP+GETATTR rounds.</param>
    /// <param name="frames">The number of frames written.</param>
    /// <returns>The pcapng bytes.</returns>
    public static byte[] Metadata(int rounds, out int frames)
    {
        byte[] entry = Bytes(Frames.Entry());
        byte[] attr = Bytes(Frames.Attr());
        return Build(rounds, 4, out frames, (writer, id, unique, time) =>
        {
            writer.Write(id, FuseFrameDirection.Request, Request(FuseOpcode.Lookup, unique, [], "benchmark-file.txt"u8), time);
            writer.Write(id, FuseFrameDirection.Reply, Reply(unique, entry, []), time + 2_000);
            writer.Write(id, FuseFrameDirection.Request, Request(FuseOpcode.Getattr, unique + 2, new byte[FuseGetattrIn.StructSize], default), time + 3_000);
            writer.Write(id, FuseFrameDirection.Reply, Reply(unique + 2, attr, []), time + 5_000);
        });
    }

    /// <summary>128 KiB WRITE and READ exchanges, four frames per round: the data workload.</summary>
    /// <param name="rounds">How many WRITE+READ rounds.</param>
    /// <param name="frames">The number of frames written.</param>
    /// <returns>The pcapng bytes.</returns>
    public static byte[] Data(int rounds, out int frames)
    {
        byte[] data = new byte[DataSize];
        new Random(7).NextBytes(data);
        byte[] writeOut = new byte[FuseWriteOut.StructSize];
        MemoryMarshal.Write(writeOut, new FuseWriteOut { Size = DataSize });
        return Build(rounds, 4, out frames, (writer, id, unique, time) =>
        {
            FuseWriteIn write = new() { Fh = 1, Offset = 0, Size = DataSize, Flags = 2 };
            writer.Write(id, FuseFrameDirection.Request, Request(FuseOpcode.Write, unique, Bytes(write), default, data), time);
            writer.Write(id, FuseFrameDirection.Reply, Reply(unique, writeOut, []), time + 20_000);
            FuseReadIn read = new() { Fh = 1, Offset = 0, Size = DataSize, Flags = 2 };
            writer.Write(id, FuseFrameDirection.Request, Request(FuseOpcode.Read, unique + 2, Bytes(read), default), time + 30_000);
            writer.Write(id, FuseFrameDirection.Reply, Reply(unique + 2, [], data), time + 50_000);
        });
    }

    private static byte[] Build(int rounds, int framesPerRound, out int frames, Action<FuseTranscriptWriter, int, ulong, long> round)
    {
        using var stream = new MemoryStream();
        using (var writer = new FuseTranscriptWriter(stream, leaveOpen: true))
        {
            int id = writer.AddInterface("bench");
            long time = 1_700_000_000_000_000_000;
            FuseProtocol.Split(FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.InitExt, out uint low, out uint high);
            FuseInitIn initIn = new() { Major = 7, Minor = FuseConstants.KernelMinorVersion, MaxReadahead = 131072, Flags = low, Flags2 = high };
            FuseInitOut initOut = new() { Major = 7, Minor = FuseConstants.KernelMinorVersion, MaxReadahead = 131072, Flags = low, Flags2 = high, MaxWrite = 1 << 20, MaxPages = 256 };
            writer.Write(id, FuseFrameDirection.Request, Request(FuseOpcode.Init, 2, Bytes(initIn), default), time);
            writer.Write(id, FuseFrameDirection.Reply, Reply(2, Bytes(initOut), []), time + 1_000);
            ulong unique = 4;
            for (int i = 0; i < rounds; i++)
            {
                time += 100_000;
                round(writer, id, unique, time);
                unique += 4;
            }
        }

        frames = 2 + (rounds * framesPerRound);
        return stream.ToArray();
    }

    private static byte[] Bytes<T>(T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    private static byte[] Request(FuseOpcode opcode, ulong unique, byte[] argument, ReadOnlySpan<byte> name, byte[]? data = null)
    {
        var output = new ArrayBufferWriter<byte>();
        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = Frames.NodeId, Uid = 1000, Gid = 1000, Pid = 42 };
        _ = FuseRequestWriter.Write(output, FuseProtocol.Latest, header, argument, name, default, data ?? default);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] Reply(ulong unique, byte[] argument, byte[] data)
    {
        byte[] frame = new byte[FuseOutHeader.StructSize + argument.Length + data.Length];
        MemoryMarshal.Write(frame, new FuseOutHeader { Len = (uint)frame.Length, Unique = unique });
        argument.CopyTo(frame, FuseOutHeader.StructSize);
        data.CopyTo(frame, FuseOutHeader.StructSize + argument.Length);
        return frame;
    }
}
