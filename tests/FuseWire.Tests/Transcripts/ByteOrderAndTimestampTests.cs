using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using FuseWire.Transcripts;
using Xunit;

namespace FuseWire.Tests.Transcripts;

public class ByteOrderAndTimestampTests
{
    /// <summary>A request header (len 40, opcode 3 GETATTR, unique 0x0102030405060708) in the given byte order.</summary>
    private static byte[] RequestFrame(bool bigEndian)
    {
        byte[] frame = new byte[40];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame, 40);
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 3);
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(8), 0x0102030405060708);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, 40);
            BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 3);
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8), 0x0102030405060708);
        }

        return frame;
    }

    /// <summary>A reply header (len 16, error -2, unique 0x0102030405060708) in the given byte order.</summary>
    private static byte[] ErrorReplyFrame(bool bigEndian)
    {
        byte[] frame = new byte[16];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame, 16);
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), -2);
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(8), 0x0102030405060708);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, 16);
            BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(4), -2);
            BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(8), 0x0102030405060708);
        }

        return frame;
    }

    [Fact]
    public void A_big_endian_file_written_by_hand_reads_correctly()
    {
        byte[] request = RequestFrame(bigEndian: true);
        byte[] reply = ErrorReplyFrame(bigEndian: true);
        PcapngFile file = new PcapngFile(bigEndian: true).SectionHeader(application: "sparc64").Interface(name: "/mnt/be");
        file.Packet(0, 0x0000000100000002, request, flags: 1).Packet(0, 0x0000000100000003, reply, flags: 2, original: 4000);
        byte[] bytes = file.ToArray();
        Assert.Equal([0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 44, 0x1A, 0x2B, 0x3C, 0x4D], bytes[..12]);

        List<TranscriptFrame> frames = Transcript.ReadAll(new MemoryStream(bytes), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        FuseTranscriptInterface connection = Assert.Single(interfaces);
        Assert.Equal(("/mnt/be", (ushort)147, (byte)9), (connection.Name, connection.LinkType, connection.TimestampResolution));
        Assert.Equal(2, frames.Count);
        Assert.Equal((FuseFrameDirection.Request, 0x0000000100000002L, 40, false), (frames[0].Direction, frames[0].TimestampNanoseconds, frames[0].OriginalLength, frames[0].IsTruncated));
        Assert.Equal(request, frames[0].Frame);
        Assert.Equal((FuseFrameDirection.Reply, 0x0000000100000003L, 4000, true), (frames[1].Direction, frames[1].TimestampNanoseconds, frames[1].OriginalLength, frames[1].IsTruncated));
        Assert.Equal(reply, frames[1].Frame);
    }

    [Fact]
    public void Sections_of_both_byte_orders_follow_each_other()
    {
        byte[] little = new PcapngFile().SectionHeader().Interface(name: "le").Packet(0, 7, RequestFrame(false), flags: 1).ToArray();
        byte[] big = new PcapngFile(bigEndian: true).SectionHeader().Interface(name: "be").Packet(0, 8, RequestFrame(true), flags: 2).ToArray();

        List<TranscriptFrame> frames = Transcript.ReadAll(new MemoryStream([.. little, .. big, .. little]), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        Assert.Equal(["le", "be", "le"], [interfaces[0].Name, interfaces[1].Name, interfaces[2].Name]);
        Assert.Equal([7L, 8L, 7L], [frames[0].TimestampNanoseconds, frames[1].TimestampNanoseconds, frames[2].TimestampNanoseconds]);
        Assert.Equal([FuseFrameDirection.Request, FuseFrameDirection.Reply, FuseFrameDirection.Request], [frames[0].Direction, frames[1].Direction, frames[2].Direction]);
        Assert.Equal([0, 1, 2], [frames[0].InterfaceId, frames[1].InterfaceId, frames[2].InterfaceId]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_lenient_reader_guesses_the_direction_from_the_header_in_the_sections_byte_order(bool bigEndian)
    {
        byte[] notification = ErrorReplyFrame(bigEndian);
        notification.AsSpan(4, 12).Clear();
        notification[bigEndian ? 7 : 4] = 2; // error = FUSE_NOTIFY_INVAL_INODE with unique 0
        byte[] bytes = new PcapngFile(bigEndian).SectionHeader().Interface()
            .Packet(0, 1, RequestFrame(bigEndian), flags: null)
            .Packet(0, 2, ErrorReplyFrame(bigEndian), flags: 0)
            .Packet(0, 3, notification, flags: 3)
            .Packet(0, 4, new byte[8], flags: 0)
            .Packet(0, 5, RequestFrame(bigEndian), flags: 2)
            .ToArray();

        List<TranscriptFrame> frames = Transcript.ReadAll(bytes, new FuseTranscriptReaderOptions { Lenient = true });

        Assert.Equal(
            [(FuseFrameDirection.Request, true), (FuseFrameDirection.Reply, true), (FuseFrameDirection.Reply, true), (FuseFrameDirection.Unknown, true), (FuseFrameDirection.Reply, false)],
            frames.ConvertAll(f => (f.Direction, f.DirectionGuessed)));
    }

    [Theory]
    [InlineData(null, 1_700_000_000_123_456UL, 1_700_000_000_123_456_000L)] // no if_tsresol: microseconds
    [InlineData((byte)6, 1_700_000_000_123_456UL, 1_700_000_000_123_456_000L)]
    [InlineData((byte)3, 1_700_000_000_123UL, 1_700_000_000_123_000_000L)]
    [InlineData((byte)0, 1_700_000_000UL, 1_700_000_000_000_000_000L)]
    [InlineData((byte)9, 1_700_000_000_123_456_789UL, 1_700_000_000_123_456_789L)]
    [InlineData((byte)12, 12_345_678_901_234_567UL, 12_345_678_901_234L)] // picoseconds
    [InlineData((byte)0x80, 3UL, 3_000_000_000L)] // 2^0 s
    [InlineData((byte)(0x80 | 20), 3UL << 20, 3_000_000_000L)] // 2^-20 s
    [InlineData((byte)(0x80 | 30), (5UL << 30) + (1UL << 29), 5_500_000_000L)] // 2^-30 s
    [InlineData((byte)(0x80 | 127), ulong.MaxValue, 0L)]
    [InlineData((byte)127, ulong.MaxValue, 0L)]
    [InlineData((byte)0, ulong.MaxValue, long.MaxValue)] // saturates
    public void Timestamps_honour_if_tsresol(byte? resolution, ulong raw, long nanoseconds)
    {
        byte[] bytes = new PcapngFile().SectionHeader().Interface(resolution: resolution).Packet(0, raw, RequestFrame(false)).ToArray();
        List<TranscriptFrame> frames = Transcript.ReadAll(new MemoryStream(bytes), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);
        Assert.Equal(resolution ?? 6, interfaces[0].TimestampResolution);
        Assert.Equal(nanoseconds, Assert.Single(frames).TimestampNanoseconds);
    }

    [Fact]
    public void Timestamps_honour_if_tsoffset()
    {
        byte[] bytes = new PcapngFile(bigEndian: true).SectionHeader().Interface(resolution: 3, offsetSeconds: 1_600_000_000).Packet(0, 1500, RequestFrame(true)).ToArray();
        List<TranscriptFrame> frames = Transcript.ReadAll(new MemoryStream(bytes), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);
        Assert.Equal(1_600_000_000L, interfaces[0].TimestampOffsetSeconds);
        Assert.Equal(1_600_000_001_500_000_000L, Assert.Single(frames).TimestampNanoseconds);
    }
}
