using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Error replies: <c>error</c> is a negative errno above -512 (the kernel refuses anything else with EINVAL), and the header comes alone.</summary>
public class ReplyErrorTests
{
    private const ulong U = ReplyFrames.Unique;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(int.MaxValue)]
    [InlineData(-512)]
    [InlineData(-4096)]
    [InlineData(int.MinValue)]
    public void Reply_error_that_is_positive_or_at_most_minus_512_is_ErrorOutOfRange(int error)
    {
        byte[] frame = FrameEdit.SetInt32(ReplyFrames.Error(Errno.ENOENT), FrameEdit.OpcodeOrError, error);

        FuseProtocolError finding = Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(FuseProtocolRule.ErrorOutOfRange, FuseOpcode.Lookup, U, 4));

        Assert.Equal(error, finding.Actual);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-2)]
    [InlineData(-511)]
    public void Reply_error_from_minus_1_to_minus_511_is_accepted(int error)
    {
        byte[] frame = FrameEdit.SetInt32(ReplyFrames.Error(Errno.ENOENT), FrameEdit.OpcodeOrError, error);

        Decode.AcceptReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest);
        FuseReply reply = FuseReply.Parse(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest);
        Assert.True(reply.IsError);
        Assert.Equal(-error, reply.Errno);
    }

    [Fact]
    public void Error_reply_carrying_a_payload_is_ErrorWithPayload()
    {
        byte[] frame = FrameEdit.SetInt32(ReplyFrames.Entry(FuseProtocol.Latest), FrameEdit.OpcodeOrError, -Errno.EIO);

        FuseProtocolError error = Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(FuseProtocolRule.ErrorWithPayload, FuseOpcode.Lookup, U, 16));

        Assert.Equal(FuseEntryOut.StructSize, error.Actual);
    }

    [Fact]
    public void Error_reply_with_a_single_trailing_byte_is_ErrorWithPayload_even_in_lenient_mode()
    {
        byte[] frame = FrameEdit.AppendAndFixLength(ReplyFrames.Error(Errno.EAGAIN), 1);

        Decode.RejectReply(frame, ReplyFrames.Context(FuseOpcode.Interrupt), FuseProtocol.Latest, new(FuseProtocolRule.ErrorWithPayload, FuseOpcode.Interrupt, U, 16));
    }
}
