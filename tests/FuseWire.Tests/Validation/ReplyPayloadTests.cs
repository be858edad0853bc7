using System.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Successful replies measured against the request's reply at the negotiated minor: too short, too long, INIT's major.</summary>
public class ReplyPayloadTests
{
    private const ulong U = ReplyFrames.Unique;

    [Fact]
    public void Lookup_reply_of_16_plus_100_bytes_is_PayloadTooShort()
    {
        byte[] frame = FrameEdit.CutAndFixLength(ReplyFrames.Entry(FuseProtocol.Latest), 116);

        FuseProtocolError error = Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Lookup, U, 16));

        Assert.Equal(100, error.Actual);
        Assert.Equal(FuseEntryOut.StructSize, error.Expected);
    }

    [Fact]
    public void Lookup_reply_of_16_plus_120_bytes_is_valid_at_7_8_and_PayloadTooShort_at_7_45()
    {
        FuseProtocol old = FuseProtocol.Latest.WithMinor(8);
        byte[] frame = ReplyFrames.Entry(old);
        Assert.Equal(16 + 120, frame.Length);

        Decode.AcceptReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), old);
        Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Lookup, U, 16));
    }

    [Fact]
    public void Create_reply_without_its_open_out_is_PayloadTooShort()
    {
        byte[] frame = ReplyFrames.Entry(FuseProtocol.Latest);

        FuseProtocolError error = Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Create), FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Create, U, 16));

        Assert.Equal(FuseEntryOut.StructSize + FuseOpenOut.StructSize, error.Expected);
    }

    [Fact]
    public void Getxattr_size_probe_answered_without_fuse_getxattr_out_is_PayloadTooShort()
    {
        Decode.RejectReply(ReplyFrames.Empty(), ReplyFrames.Context(FuseOpcode.Getxattr, 0), FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Getxattr, U, 16));
        Decode.AcceptReply(ReplyFrames.Empty(), ReplyFrames.Context(FuseOpcode.Getxattr, 64), FuseProtocol.Latest);
    }

    [Fact]
    public void Init_reply_stating_7_45_with_a_7_22_body_is_PayloadTooShort_while_7_22_is_valid()
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Init(22), 20, 45);

        FuseProtocolError error = Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Init), FuseProtocol.Initial, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Init, U, 16));

        Assert.Equal(24, error.Actual);
        Assert.Equal(FuseInitOut.StructSize, error.Expected);
        Decode.AcceptReply(ReplyFrames.Init(22), ReplyFrames.Context(FuseOpcode.Init), FuseProtocol.Initial);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(6u)]
    [InlineData(8u)]
    public void Init_reply_with_a_major_other_than_7_is_UnsupportedVersion(uint major)
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Init(), 16, major);

        FuseProtocolError error = Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Init), FuseProtocol.Initial, new(FuseProtocolRule.UnsupportedVersion, FuseOpcode.Init, U, 16));

        Assert.Equal(major, error.Actual);
    }

    [Fact]
    public void Init_reply_stating_a_minor_above_the_one_offered_is_UnsupportedVersion()
    {
        // A 7.31 kernel (the protocol the reply is decoded with) offered 31; the daemon must not answer 32 or more.
        FuseProtocol offered = FuseProtocol.Initial with { Minor = 31 };

        FuseProtocolError error = Decode.RejectReply(ReplyFrames.Init(minor: 32), ReplyFrames.Context(FuseOpcode.Init), offered, new(FuseProtocolRule.UnsupportedVersion, FuseOpcode.Init, U, 20));

        Assert.Equal(32, error.Actual);
        Assert.Equal(31, error.Expected);
        Decode.AcceptReply(ReplyFrames.Init(minor: 31), ReplyFrames.Context(FuseOpcode.Init), offered);
        Decode.AcceptReply(ReplyFrames.Init(minor: 12), ReplyFrames.Context(FuseOpcode.Init), offered);
    }

    [Fact]
    public void Long_lookup_reply_is_valid_with_a_PayloadTooLong_warning_when_lenient()
    {
        byte[] frame = FrameEdit.AppendAndFixLength(ReplyFrames.Entry(FuseProtocol.Latest), 8);

        FuseValidationResult result = Decode.AcceptReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, FuseReplyStrictness.Lenient);

        Assert.True(result.HasWarning);
        new ExpectedError(FuseProtocolRule.PayloadTooLong, FuseOpcode.Lookup, U, 144).AssertMatches(result.Warning);
        Assert.Equal(8, result.Warning.Actual);
        Assert.Equal(FuseEntryOut.StructSize, FuseReply.Parse(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest).Argument.Length);
    }

    [Fact]
    public void Long_lookup_reply_is_PayloadTooLong_when_strict()
    {
        byte[] frame = FrameEdit.AppendAndFixLength(ReplyFrames.Entry(FuseProtocol.Latest), 8);

        Decode.RejectReply(
            frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooLong, FuseOpcode.Lookup, U, 144), FuseReplyStrictness.Strict);
    }

    [Theory]
    [InlineData(FuseReplyStrictness.Lenient)]
    [InlineData(FuseReplyStrictness.Strict)]
    public void Interrupt_reply_with_a_payload_is_PayloadTooLong_even_when_lenient(FuseReplyStrictness strictness)
    {
        byte[] frame = FrameEdit.AppendAndFixLength(ReplyFrames.Empty(), 8);

        Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Interrupt), FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooLong, FuseOpcode.Interrupt, U, 16), strictness);
        Decode.AcceptReply(ReplyFrames.Empty(), ReplyFrames.Context(FuseOpcode.Interrupt), FuseProtocol.Latest, strictness);
    }

    [Fact]
    public void Read_reply_longer_than_the_requested_size_is_PayloadTooLong()
    {
        FuseReplyContext context = ReplyFrames.Context(FuseOpcode.Read, 100);

        FuseProtocolError error = Decode.RejectReply(
            ReplyFrames.Data(101), context, FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooLong, FuseOpcode.Read, U, 16), FuseReplyStrictness.Strict);

        Assert.Equal(101, error.Actual);
        Assert.Equal(100, error.Expected);
        FuseValidationResult lenient = Decode.AcceptReply(ReplyFrames.Data(101), context, FuseProtocol.Latest);
        new ExpectedError(FuseProtocolRule.PayloadTooLong, FuseOpcode.Read, U, 16).AssertMatches(lenient.Warning);
        Assert.False(Decode.AcceptReply(ReplyFrames.Data(100), context, FuseProtocol.Latest, FuseReplyStrictness.Strict).HasWarning);
    }

    [Fact]
    public void Read_reply_context_taken_from_the_request_limits_the_reply()
    {
        byte[] request = RequestFrames.Read(FuseProtocol.Latest, 64);
        FuseReplyContext context = FuseReplyContext.For(FuseRequest.Parse(request, FuseProtocol.Latest));
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteData(output, RequestFrames.Unique, new byte[65]);

        Decode.RejectReply(
            output.WrittenSpan.ToArray(), context, FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooLong, FuseOpcode.Read, RequestFrames.Unique, 16), FuseReplyStrictness.Strict);
    }
}
