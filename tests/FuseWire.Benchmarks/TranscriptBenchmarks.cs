using System;
using System.Buffers;
using System.IO;
using BenchmarkDotNet.Attributes;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transcripts;

namespace FuseWire.Benchmarks;

/// <summary>
/// Reading and writing pcapng transcripts held in memory: metadata (LOOKUP and GETATTR with their replies, about 95 bytes a
/// frame) and data (128 KiB WRITE requests and READ replies with their small partners). Each operation is one frame, so the
/// mean is the time per frame; frames/s and bytes/s follow (docs/benchmarks.md, "Transcripts").
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class TranscriptBenchmarks
{
    /// <summary>Frames in the metadata transcript: 10,000 each of LOOKUP, ENTRY reply, GETATTR, ATTR reply.</summary>
    public const int MetadataFrames = 40_000;

    /// <summary>Frames in the data transcript: 500 each of WRITE (128 KiB), WRITE reply, READ, READ reply (128 KiB).</summary>
    public const int DataFrames = 2_000;

    private const int DataSize = 128 * 1024;

    private byte[][] _metadataFrames = [];
    private byte[][] _dataFrames = [];
    private byte[] _metadata = [];
    private byte[] _data = [];

    /// <summary>Builds the frames with the library's writers and the two transcripts with <see cref="FuseTranscriptWriter"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _metadataFrames = [Frames.Lookup(), Frames.EntryReply(), Frames.Getattr(), Frames.AttrReply()];
        byte[] payload = new byte[DataSize];
        payload.AsSpan().Fill(0x5A);
        _dataFrames = [WriteRequest(payload), WriteReply(), Frames.Read(), ReadReply(payload)];
        _metadata = Transcript(_metadataFrames, MetadataFrames);
        _data = Transcript(_dataFrames, DataFrames);
        long frameBytes = 0;
        foreach (byte[] frame in _dataFrames)
        {
            frameBytes += frame.Length;
        }

        if (ReadMetadata() != MetadataFrames / 4 * (_metadataFrames[0].Length + _metadataFrames[1].Length + _metadataFrames[2].Length + _metadataFrames[3].Length)
            || ReadData() != DataFrames / 4 * frameBytes)
        {
            throw new InvalidOperationException("The transcripts must read back whole.");
        }

        Console.WriteLine($"// metadata transcript: {MetadataFrames} frames, {_metadata.Length} bytes; data transcript: {DataFrames} frames, {_data.Length} bytes");
    }

    /// <summary>Reads the metadata transcript from a MemoryStream, touching each frame's length.</summary>
    /// <returns>The frame bytes read.</returns>
    [Benchmark(OperationsPerInvoke = MetadataFrames)]
    public long ReadMetadata() => ReadAll(_metadata);

    /// <summary>Reads the data transcript from a MemoryStream, touching each frame's length.</summary>
    /// <returns>The frame bytes read.</returns>
    [Benchmark(OperationsPerInvoke = DataFrames)]
    public long ReadData() => ReadAll(_data);

    /// <summary>Writes the metadata frames to <see cref="Stream.Null"/>.</summary>
    /// <returns>The number of interfaces (1).</returns>
    [Benchmark(OperationsPerInvoke = MetadataFrames)]
    public int WriteMetadata() => WriteAll(_metadataFrames, MetadataFrames, Stream.Null);

    /// <summary>Writes the data frames to <see cref="Stream.Null"/>.</summary>
    /// <returns>The number of interfaces (1).</returns>
    [Benchmark(OperationsPerInvoke = DataFrames)]
    public int WriteData() => WriteAll(_dataFrames, DataFrames, Stream.Null);

    private static long ReadAll(byte[] transcript)
    {
        using FuseTranscriptReader reader = new(new MemoryStream(transcript, writable: false));
        long bytes = 0;
        while (reader.TryRead(out FuseTranscriptRecord record))
        {
            bytes += record.Frame.Length;
        }

        return bytes;
    }

    private static int WriteAll(byte[][] frames, int count, Stream stream)
    {
        using FuseTranscriptWriter writer = new(stream, leaveOpen: true);
        int id = writer.AddInterface("/mnt/bench");
        for (int i = 0; i < count; i++)
        {
            writer.Write(id, (i & 1) == 0 ? FuseFrameDirection.Request : FuseFrameDirection.Reply, frames[i & 3], 1_700_000_000_000_000_000L + i);
        }

        return writer.InterfaceCount;
    }

    private static byte[] Transcript(byte[][] frames, int count)
    {
        MemoryStream file = new();
        _ = WriteAll(frames, count, file);
        return file.ToArray();
    }

    private static byte[] WriteRequest(byte[] payload)
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = FuseOpcode.Write, Unique = Frames.Unique, NodeId = Frames.NodeId, Uid = 1000, Gid = 1000, Pid = 4242 };
        _ = FuseRequestWriter.Write(output, FuseProtocol.Latest, header, new FuseWriteIn { Fh = 7, Offset = 1 << 20, Size = (uint)payload.Length }, data: payload);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] WriteReply()
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteWrite(output, Frames.Unique, DataSize);
        return output.WrittenSpan.ToArray();
    }

    private static byte[] ReadReply(byte[] payload)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteData(output, Frames.Unique, payload);
        return output.WrittenSpan.ToArray();
    }
}
