using System;
using System.Collections.Generic;
using System.IO;
using FuseWire.Transcripts;
using Xunit;

namespace FuseWire.Tests.Transcripts;

public class TranscriptRoundTripTests
{
    private static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Frames_read_back_identical_with_their_interfaces_timestamps_and_directions()
    {
        // Lengths around the 32-bit padding, and beyond the writer's buffer (written straight from the caller's span).
        int[] lengths = [0, 1, 2, 3, 4, 5, 40, 41, 4096 + 80, FuseTranscriptWriter.BufferSize - 43, FuseTranscriptWriter.BufferSize + 3, 1 << 20];
        List<(int Interface, FuseFrameDirection Direction, byte[] Frame, long Timestamp)> written = [];
        MemoryStream file = new();
        using (FuseTranscriptWriter writer = new(file, leaveOpen: true))
        {
            int first = writer.AddInterface("/mnt/fuse");
            int second = writer.AddInterface("sòcket ⇄ daemon");
            Assert.Equal((0, 1), (first, second));
            for (int i = 0; i < lengths.Length; i++)
            {
                (int, FuseFrameDirection, byte[], long) frame = (i % 2 == 0 ? first : second, i % 3 == 0 ? FuseFrameDirection.Reply : FuseFrameDirection.Request, Bytes(lengths[i], i), 1_700_000_000_123_456_789L + (i * 1_000_000_007L));
                writer.Write(frame.Item1, frame.Item2, frame.Item3, frame.Item4);
                written.Add(frame);
            }
        }

        List<TranscriptFrame> read = Transcript.ReadAll(new MemoryStream(file.ToArray()), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        Assert.Equal(2, interfaces.Count);
        Assert.Equal("/mnt/fuse", interfaces[0].Name);
        Assert.Equal("sòcket ⇄ daemon", interfaces[1].Name);
        Assert.All(interfaces, i => Assert.Equal((147, 9, 0u, 0), (i.LinkType, i.TimestampResolution, i.SnapLength, i.SectionIndex)));
        Assert.Equal(written.Count, read.Count);
        for (int i = 0; i < written.Count; i++)
        {
            Assert.Equal(i, read[i].Index);
            Assert.Equal(written[i].Interface, read[i].InterfaceId);
            Assert.Equal(written[i].Direction, read[i].Direction);
            Assert.False(read[i].DirectionGuessed);
            Assert.Equal(written[i].Timestamp, read[i].TimestampNanoseconds);
            Assert.Equal(written[i].Frame, read[i].Frame);
            Assert.Equal(written[i].Frame.Length, read[i].OriginalLength);
            Assert.False(read[i].IsTruncated);
        }
    }

    [Fact]
    public void Record_offsets_point_at_each_enhanced_packet_block()
    {
        MemoryStream file = new();
        using (FuseTranscriptWriter writer = new(file, leaveOpen: true))
        {
            int id = writer.AddInterface("x");
            writer.Write(id, FuseFrameDirection.Request, Bytes(41, 1), 5);
            writer.Write(id, FuseFrameDirection.Reply, Bytes(16, 2), 6);
        }

        byte[] bytes = file.ToArray();
        List<TranscriptFrame> read = Transcript.ReadAll(bytes);
        foreach (TranscriptFrame frame in read)
        {
            Assert.Equal(6u, BitConverter.ToUInt32(bytes, (int)frame.Offset));
        }

        // 44 (SHB with shb_userappl "FuseWire") + 40 (IDB: if_name "x", if_tsresol, end) = 84; EPB of 41 bytes = 44 + 44 = 88.
        Assert.Equal([84L, 172L], [read[0].Offset, read[1].Offset]);
        Assert.Equal(172 + 44 + 16, bytes.Length);
    }

    [Fact]
    public void Truncated_captures_keep_the_first_bytes_and_the_original_length()
    {
        byte[] big = Bytes(128 * 1024 + 80, 3);
        MemoryStream file = new();
        using (FuseTranscriptWriter writer = new(file, leaveOpen: true) { MaxCapturedLength = 4096 })
        {
            int id = writer.AddInterface("t");
            writer.Write(id, FuseFrameDirection.Request, big, 1);
            writer.Write(id, FuseFrameDirection.Reply, big.AsSpan(0, 100), 2);
            writer.Write(id, FuseFrameDirection.Reply, big, 3, capturedLength: 81);
        }

        List<TranscriptFrame> read = Transcript.ReadAll(file.ToArray());

        Assert.Equal(big.AsSpan(0, 4096).ToArray(), read[0].Frame);
        Assert.Equal((big.Length, true), (read[0].OriginalLength, read[0].IsTruncated));
        Assert.Equal(big.AsSpan(0, 100).ToArray(), read[1].Frame);
        Assert.Equal((100, false), (read[1].OriginalLength, read[1].IsTruncated));
        Assert.Equal(big.AsSpan(0, 81).ToArray(), read[2].Frame);
        Assert.True(read[2].IsTruncated);
        Assert.Equal(44 + 40 + (44 + 4096) + (44 + 100) + (44 + 84), file.Length);
    }

    [Fact]
    public void A_stream_that_cannot_seek_reads_the_same_even_one_byte_at_a_time()
    {
        MemoryStream file = new();
        using (FuseTranscriptWriter writer = new(file, leaveOpen: true))
        {
            int id = writer.AddInterface("pipe");
            for (int i = 0; i < 20; i++)
            {
                writer.Write(id, (FuseFrameDirection)(1 + (i % 2)), Bytes(i * 997, i), i);
            }
        }

        byte[] bytes = file.ToArray();
        List<TranscriptFrame> expected = Transcript.ReadAll(bytes);
        Assert.Equal(20, expected.Count);
        Assert.Equal(expected, Transcript.ReadAll(new NonSeekableStream(bytes), null, out _), TranscriptFrameComparer.Instance);
        Assert.Equal(expected, Transcript.ReadAll(new NonSeekableStream(bytes, chunk: 1), null, out _), TranscriptFrameComparer.Instance);
    }

    [Fact]
    public void Several_sections_number_their_interfaces_after_the_earlier_sections()
    {
        byte[] Section(string name, byte fill)
        {
            MemoryStream file = new();
            using FuseTranscriptWriter writer = new(file, leaveOpen: true);
            int a = writer.AddInterface(name + "-a");
            int b = writer.AddInterface(name + "-b");
            writer.Write(b, FuseFrameDirection.Request, [fill, fill, fill], 10);
            writer.Write(a, FuseFrameDirection.Reply, [fill], 20);
            writer.Dispose();
            return file.ToArray();
        }

        byte[] concatenated = [.. Section("one", 1), .. Section("two", 2)];
        List<TranscriptFrame> read = Transcript.ReadAll(new MemoryStream(concatenated), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        Assert.Equal(["one-a", "one-b", "two-a", "two-b"], [interfaces[0].Name, interfaces[1].Name, interfaces[2].Name, interfaces[3].Name]);
        Assert.Equal([0, 0, 1, 1], [interfaces[0].SectionIndex, interfaces[1].SectionIndex, interfaces[2].SectionIndex, interfaces[3].SectionIndex]);
        Assert.Equal([0, 1, 0, 1], [interfaces[0].LocalId, interfaces[1].LocalId, interfaces[2].LocalId, interfaces[3].LocalId]);
        Assert.Equal([1, 0, 3, 2], [read[0].InterfaceId, read[1].InterfaceId, read[2].InterfaceId, read[3].InterfaceId]);
        Assert.Equal([1, 1, 2, 2], [read[0].Frame[0], read[1].Frame[0], read[2].Frame[0], read[3].Frame[0]]);
        Assert.Equal([0L, 1, 2, 3], [read[0].Index, read[1].Index, read[2].Index, read[3].Index]);
    }

    [Fact]
    public void The_writer_refuses_what_it_cannot_record()
    {
        using FuseTranscriptWriter writer = new(new MemoryStream());
        int id = writer.AddInterface("x");
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(id + 1, FuseFrameDirection.Request, [1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(id, (FuseFrameDirection)3, [1], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(id, FuseFrameDirection.Request, [1], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Write(id, FuseFrameDirection.Request, [1], 0, capturedLength: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.CreateObserver(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.MaxCapturedLength = FuseTranscriptWriter.MinimumCapturedLength - 1);
        Assert.Throws<ArgumentException>(() => writer.AddInterface(new string('x', 65536)));
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Write(id, FuseFrameDirection.Request, [1], 0));
        Assert.Throws<ObjectDisposedException>(() => writer.AddInterface("y"));
    }

    [Fact]
    public void An_empty_transcript_has_a_section_and_no_frames()
    {
        MemoryStream file = new();
        new FuseTranscriptWriter(file, leaveOpen: true).Dispose();
        using FuseTranscriptReader reader = new(new MemoryStream(file.ToArray()));
        Assert.False(reader.TryRead(out _));
        Assert.Equal(1, reader.SectionCount);
        Assert.Empty(reader.Interfaces);
        Assert.False(reader.TryRead(out _));
    }
}
