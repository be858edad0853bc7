using System;
using System.Collections.Generic;
using System.IO;
using FuseWire.Transcripts;
using Xunit;

namespace FuseWire.Tests.Transcripts;

/// <summary>The reader against malformed files: each failure is a <see cref="FuseTranscriptException"/> with the exact error,
/// the block's offset and the finding in words.</summary>
public class MalformedTranscriptTests
{
    private static readonly byte[] Frame = [40, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0];

    /// <summary>A section header (28 bytes at 0) and one interface (40 bytes at 28): the next block is at 68.</summary>
    private static PcapngFile Start(bool bigEndian = false) => new PcapngFile(bigEndian).SectionHeader().Interface();

    private static void AssertFailure(FuseTranscriptException e, FuseTranscriptError error, long offset, string detail)
    {
        Assert.Equal(error, e.Error);
        Assert.Equal(offset, e.Offset);
        Assert.Equal(detail, e.Detail);
        Assert.Equal($"pcapng block at offset {offset}: {detail}", e.Message);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void The_base_file_is_valid()
    {
        PcapngFile file = Start();
        Assert.Equal(68, file.Offset);
        TranscriptFrame frame = Assert.Single(Transcript.ReadAll(file.Packet(0, 1, Frame).ToArray()));
        Assert.Equal((68L, FuseFrameDirection.Request), (frame.Offset, frame.Direction));
    }

    [Fact]
    public void A_block_cut_short_in_a_stream_that_cannot_seek_is_truncated()
    {
        byte[] whole = Start().Packet(0, 1, Frame).ToArray();
        byte[] cut = whole.AsSpan(0, whole.Length - 10).ToArray();
        AssertFailure(Transcript.Failure(new NonSeekableStream(cut)), FuseTranscriptError.Truncated, 68, "Enhanced Packet Block: the file ends 54 bytes into the block's 64");
    }

    [Fact]
    public void A_block_cut_short_in_a_seekable_file_runs_past_its_end()
    {
        byte[] whole = Start().Packet(0, 1, Frame).ToArray();
        byte[] cut = whole.AsSpan(0, whole.Length - 10).ToArray();
        AssertFailure(Transcript.Failure(cut), FuseTranscriptError.BlockPastEnd, 68, "Enhanced Packet Block: total length 64 runs past the end of the file (54 bytes remain)");
    }

    [Fact]
    public void A_block_header_cut_short_is_truncated()
    {
        byte[] file = Start().Raw([6, 0, 0, 0, 64]).ToArray();
        AssertFailure(Transcript.Failure(file), FuseTranscriptError.Truncated, 68, "the file ends 5 bytes into a block header (8 needed)");
        AssertFailure(Transcript.Failure(new NonSeekableStream(file, 3)), FuseTranscriptError.Truncated, 68, "the file ends 5 bytes into a block header (8 needed)");
    }

    [Fact]
    public void A_length_past_the_end_of_the_file_is_refused_before_the_buffer_grows()
    {
        PcapngFile file = Start();
        byte[] bytes = file.Block(6, new byte[20], leading: 4096).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.BlockPastEnd, 68, "Enhanced Packet Block: total length 4096 runs past the end of the file (32 bytes remain)");
    }

    [Fact]
    public void The_two_total_lengths_must_agree()
    {
        PcapngFile file = Start();
        byte[] bytes = file.Packet(0, 1, Frame).Raw(new byte[4]).ToArray();
        bytes[68 + 64 - 4] = 68; // the trailing length of the 64-byte block says 68 (and 4 more bytes are in the file)
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.LengthMismatch, 68, "Enhanced Packet Block: the leading total length 64 and the trailing one 68 differ");
    }

    [Fact]
    public void A_length_not_a_multiple_of_4_is_refused()
    {
        byte[] bytes = Start().Block(6, new byte[21], leading: 33, trailing: 33).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.LengthNotMultipleOf4, 68, "Enhanced Packet Block: total length 33 is not a multiple of 4");
    }

    [Theory]
    [InlineData(6u, 28u, "Enhanced Packet Block: total length 28 is below the minimum of 32")]
    [InlineData(1u, 16u, "Interface Description Block: total length 16 is below the minimum of 20")]
    [InlineData(3u, 12u, "Simple Packet Block: total length 12 is below the minimum of 16")]
    [InlineData(0x0A0D0D0Au, 24u, "Section Header Block: total length 24 is below the minimum of 28")]
    [InlineData(0x0BADu, 8u, "block of type 0x00000BAD: total length 8 is below the minimum of 12")]
    public void A_length_below_the_minimum_for_the_type_is_refused(uint type, uint length, string detail)
    {
        PcapngBody body = new PcapngFile().Body();
        if (type == 0x0A0D0D0Au)
        {
            body.U32(0x1A2B3C4D);
        }

        byte[] bytes = Start().Block(type, body.Bytes(new byte[40]).ToArray(), leading: length).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.BlockTooSmall, 68, detail);
    }

    [Fact]
    public void A_length_above_the_maximum_is_refused_even_when_the_stream_cannot_say_how_long_it_is()
    {
        byte[] bytes = Start().Block(6, new byte[20], leading: 0xFFFFFFF0).ToArray();
        AssertFailure(Transcript.Failure(new NonSeekableStream(bytes)), FuseTranscriptError.BlockTooLarge, 68, "Enhanced Packet Block: total length 4294967280 is above the maximum of 16777216");
        byte[] small = Start().Packet(0, 1, new byte[200]).ToArray();
        AssertFailure(Transcript.Failure(small, new FuseTranscriptReaderOptions { MaxBlockLength = 200 }), FuseTranscriptError.BlockTooLarge, 68, "Enhanced Packet Block: total length 244 is above the maximum of 200");
    }

    [Fact]
    public void Unknown_blocks_simple_packets_and_unknown_options_are_skipped()
    {
        PcapngFile file = new PcapngFile().SectionHeader(application: "someone else");
        PcapngBody idb = file.Body().U16(147).U16(0).U32(0).Option(1, "a comment").Option(0x1234, [1, 2, 3]).Option(2, "x").Option(9, [9]).EndOfOptions();
        file.Block(1, idb.ToArray())
            .Block(0x0BAD, new byte[36])
            .Block(3, file.Body().U32(5).Bytes([1, 2, 3, 4, 5]).Pad().ToArray())
            .Block(0x80000001, []);
        PcapngBody epb = file.Body().U32(0).U32(0).U32(99).U32((uint)Frame.Length).U32((uint)Frame.Length).Bytes(Frame).Pad()
            .Option(1, "comment").Option(0x8001, new byte[7]).Option(2, file.Body().U32(2).ToArray()).Option(3, new byte[17]).EndOfOptions();
        byte[] bytes = file.Block(6, epb.ToArray()).ToArray();

        List<TranscriptFrame> frames = Transcript.ReadAll(new MemoryStream(bytes), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        TranscriptFrame frame = Assert.Single(frames);
        Assert.Equal((FuseFrameDirection.Reply, 99L), (frame.Direction, frame.TimestampNanoseconds));
        Assert.Equal(Frame, frame.Frame);
        Assert.Equal("x", Assert.Single(interfaces).Name);
    }

    [Fact]
    public void A_bad_byte_order_magic_is_refused()
    {
        byte[] bytes = new PcapngFile().SectionHeader(magic: 0x12345678).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.BadByteOrderMagic, 0, "Section Header Block: byte-order magic 0x12345678 is neither 0x1A2B3C4D nor 0x4D3C2B1A");
        byte[] later = Start().SectionHeader(magic: 0x1A2B3C4E).ToArray();
        AssertFailure(Transcript.Failure(later), FuseTranscriptError.BadByteOrderMagic, 68, "Section Header Block: byte-order magic 0x1A2B3C4E is neither 0x1A2B3C4D nor 0x4D3C2B1A");
    }

    [Fact]
    public void A_file_must_start_with_a_section_header()
    {
        byte[] bytes = new PcapngFile().Interface().ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.MissingSectionHeader, 0, "the file starts with a block of type 0x00000001, not a Section Header Block (0x0A0D0D0A)");
        AssertFailure(Transcript.Failure([]), FuseTranscriptError.MissingSectionHeader, 0, "the file is empty; a pcapng file starts with a Section Header Block");
        AssertFailure(Transcript.Failure([0x0A, 0x0D, 0x0D, 0x0A, 28, 0, 0, 0, 0x4D, 0x3C]), FuseTranscriptError.Truncated, 0, "Section Header Block: the file ends 10 bytes into the block (12 needed for its byte-order magic)");
    }

    [Fact]
    public void Only_version_1_sections_are_read()
    {
        byte[] bytes = new PcapngFile().SectionHeader(major: 2, minor: 3).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.UnsupportedVersion, 0, "Section Header Block: version 2.3 is not 1.x");
    }

    [Fact]
    public void A_packet_on_an_interface_its_section_has_not_described_is_refused()
    {
        byte[] bytes = Start().Packet(1, 1, Frame).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.UnknownInterface, 68, "Enhanced Packet Block: interface 1 is not described (the section has 1)");

        // Interfaces belong to their section: a second section starts with none.
        PcapngFile two = Start().Packet(0, 1, Frame).SectionHeader();
        int offset = two.Offset;
        byte[] second = two.Packet(0, 2, Frame).ToArray();
        AssertFailure(Transcript.Failure(second), FuseTranscriptError.UnknownInterface, offset, "Enhanced Packet Block: interface 0 is not described (the section has 0)");
    }

    [Fact]
    public void A_packet_on_an_interface_that_is_not_link_type_147_is_refused()
    {
        byte[] bytes = new PcapngFile().SectionHeader().Interface(linkType: 1).Packet(0, 1, Frame).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.WrongLinkType, 68, "Enhanced Packet Block: interface 0 has link type 1, not 147 (LINKTYPE_USER0, FUSE frames)");
    }

    [Fact]
    public void Packet_lengths_must_fit_the_block_and_each_other()
    {
        AssertFailure(Transcript.Failure(Start().Packet(0, 1, Frame, captured: 40).ToArray()), FuseTranscriptError.BadPacketLength, 68, "Enhanced Packet Block: captured length 40 does not fit the block's 32 bytes of packet data");
        AssertFailure(Transcript.Failure(Start().Packet(0, 1, Frame, flags: null, captured: 21).ToArray()), FuseTranscriptError.BadPacketLength, 68, "Enhanced Packet Block: captured length 21 does not fit the block's 20 bytes of packet data");
        AssertFailure(Transcript.Failure(Start().Packet(0, 1, Frame, original: 19).ToArray()), FuseTranscriptError.BadPacketLength, 68, "Enhanced Packet Block: captured length 20 is above the original length 19");
        AssertFailure(Transcript.Failure(Start().Packet(0, 1, Frame, original: 0x80000000).ToArray()), FuseTranscriptError.BadPacketLength, 68, "Enhanced Packet Block: original length 2147483648 is above 2^31-1");
    }

    [Fact]
    public void Options_must_stay_inside_their_block()
    {
        PcapngFile file = Start();
        PcapngBody epb = file.Body().U32(0).U32(0).U32(1).U32((uint)Frame.Length).U32((uint)Frame.Length).Bytes(Frame).U16(2).U16(12).U32(1);
        AssertFailure(Transcript.Failure(file.Block(6, epb.ToArray()).ToArray()), FuseTranscriptError.BadOption, 68, "Enhanced Packet Block: option 2 at byte 48 of the block has length 12, which runs past the options' end at byte 56");

        PcapngFile flags = Start();
        PcapngBody shortFlags = flags.Body().U32(0).U32(0).U32(1).U32((uint)Frame.Length).U32((uint)Frame.Length).Bytes(Frame).Option(2, [1, 0]).EndOfOptions();
        AssertFailure(Transcript.Failure(flags.Block(6, shortFlags.ToArray()).ToArray()), FuseTranscriptError.BadOption, 68, "Enhanced Packet Block: epb_flags has length 2, not 4");

        PcapngFile idb = new PcapngFile().SectionHeader();
        byte[] resolution = idb.Block(1, idb.Body().U16(147).U16(0).U32(0).Option(9, [9, 9]).EndOfOptions().ToArray()).ToArray();
        AssertFailure(Transcript.Failure(resolution), FuseTranscriptError.BadOption, 28, "Interface Description Block: if_tsresol has length 2, not 1");

        PcapngFile offsetFile = new PcapngFile().SectionHeader();
        byte[] tsoffset = offsetFile.Block(1, offsetFile.Body().U16(147).U16(0).U32(0).Option(14, [0, 0, 0, 1]).EndOfOptions().ToArray()).ToArray();
        AssertFailure(Transcript.Failure(tsoffset), FuseTranscriptError.BadOption, 28, "Interface Description Block: if_tsoffset has length 4, not 8");

        PcapngFile shb = new();
        byte[] header = shb.Block(0x0A0D0D0A, shb.Body().U32(0x1A2B3C4D).U16(1).U16(0).U64(ulong.MaxValue).U16(4).U16(100).ToArray()).ToArray();
        AssertFailure(Transcript.Failure(header), FuseTranscriptError.BadOption, 0, "Section Header Block: option 4 at byte 24 of the block has length 100, which runs past the options' end at byte 28");
    }

    [Theory]
    [InlineData(null, "Enhanced Packet Block: direction bits 00 (not recorded); a strict reader needs 01 or 10")]
    [InlineData(0u, "Enhanced Packet Block: direction bits 00 (not recorded); a strict reader needs 01 or 10")]
    [InlineData(0x33u, "Enhanced Packet Block: direction bits 11 (not a direction); a strict reader needs 01 or 10")]
    public void A_strict_reader_refuses_a_frame_without_a_direction(uint? flags, string detail)
    {
        byte[] bytes = Start().Packet(0, 1, Frame, flags: flags).ToArray();
        AssertFailure(Transcript.Failure(bytes), FuseTranscriptError.UnknownDirection, 68, detail);
    }

    [Fact]
    public void A_failed_read_leaves_the_reader_where_it_was()
    {
        byte[] bytes = Start().Packet(0, 1, Frame).Packet(0, 2, Frame, flags: 0).ToArray();
        using FuseTranscriptReader reader = new(new MemoryStream(bytes));
        Assert.True(reader.TryRead(out FuseTranscriptRecord first));
        Assert.Equal(68, first.Offset);
        FuseTranscriptException once = Assert.Throws<FuseTranscriptException>(() => reader.TryRead(out _));
        FuseTranscriptException twice = Assert.Throws<FuseTranscriptException>(() => reader.TryRead(out _));
        Assert.Equal((once.Error, once.Offset, once.Detail), (twice.Error, twice.Offset, twice.Detail));
        Assert.Equal(132, reader.Position);
    }
}
