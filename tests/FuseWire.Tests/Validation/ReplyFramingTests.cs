using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Replies whose out header or length cannot be trusted. The opcode reported is the one of the request the reply was checked against.</summary>
public class ReplyFramingTests
{
    private const ulong U = ReplyFrames.Unique;

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(15)]
    public void Reply_with_fewer_bytes_than_a_header_is_HeaderTruncated(int received)
    {
        byte[] frame = FrameEdit.Cut(ReplyFrames.Entry(FuseProtocol.Latest), received);

        FuseProtocolError error = Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(FuseProtocolRule.HeaderTruncated, FuseOpcode.Lookup, 0, 0));

        Assert.Equal(received, error.Actual);
        Assert.Equal(FuseOutHeader.StructSize, error.Expected);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(15u)]
    public void Reply_whose_len_is_below_the_header_size_is_LengthBelowHeader(uint len)
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Empty(), FrameEdit.Len, len);

        Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Unlink), FuseProtocol.Latest, new(FuseProtocolRule.LengthBelowHeader, FuseOpcode.Unlink, U, 0));
    }

    [Fact]
    public void Reply_whose_len_is_above_the_bytes_read_is_LengthMismatch()
    {
        byte[] valid = ReplyFrames.Entry(FuseProtocol.Latest);
        byte[] shortRead = FrameEdit.Cut(valid, 100);

        FuseProtocolError error = Decode.RejectReply(shortRead, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(FuseProtocolRule.LengthMismatch, FuseOpcode.Lookup, U, 0));

        Assert.Equal(valid.Length, error.Actual);
        Assert.Equal(100, error.Expected);
    }

    [Fact]
    public void Reply_whose_len_is_below_the_bytes_read_is_LengthMismatch()
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Data(10), FrameEdit.Len, 20);

        Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Read, 4096), FuseProtocol.Latest, new(FuseProtocolRule.LengthMismatch, FuseOpcode.Read, U, 0));
    }

    [Fact]
    public void Reply_whose_len_is_above_the_negotiated_maximum_is_LengthAboveMaximum()
    {
        byte[] frame = ReplyFrames.Data(200);
        FuseProtocol small = FuseProtocol.Latest with { MaxFrameLength = 128 };
        FuseReplyContext context = ReplyFrames.Context(FuseOpcode.Read, 4096);

        FuseProtocolError error = Decode.RejectReply(frame, context, small, new(FuseProtocolRule.LengthAboveMaximum, FuseOpcode.Read, U, 0));

        Assert.Equal(216, error.Actual);
        Assert.Equal(128, error.Expected);
        Decode.AcceptReply(frame, context, FuseProtocol.Latest);
    }

    [Fact]
    public void Reply_to_an_opcode_protocol_7_45_does_not_define_is_UnknownOpcode()
    {
        Decode.RejectReply(ReplyFrames.Empty(), new FuseReplyContext((FuseOpcode)54, U), FuseProtocol.Latest, new(FuseProtocolRule.UnknownOpcode, (FuseOpcode)54, U, 0));
    }
}
