using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>
/// Replies matched against the requests sent (<see cref="FuseReplyValidator.ValidateIncoming"/> with <see cref="FuseOutstandingRequests"/>):
/// unknown uniques, second replies, replies to FORGET-type requests, and notifications arriving on the same channel.
/// </summary>
public class ReplyMatchingTests
{
    private const ulong U = ReplyFrames.Unique;

    private static FuseOutstandingRequests With(params FuseReplyContext[] contexts)
    {
        FuseOutstandingRequests outstanding = new();
        foreach (FuseReplyContext context in contexts)
        {
            Assert.True(outstanding.TryAdd(context));
        }

        return outstanding;
    }

    [Fact]
    public void Reply_whose_unique_is_not_outstanding_is_UniqueNotOutstanding()
    {
        FuseOutstandingRequests outstanding = With(new FuseReplyContext(FuseOpcode.Lookup, U + 1));

        Decode.RejectIncoming(ReplyFrames.Entry(FuseProtocol.Latest), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.UniqueNotOutstanding, 0, U, 8));
        Assert.Equal(1, outstanding.Count);
    }

    [Fact]
    public void Reply_whose_unique_is_not_the_contexts_is_UniqueNotOutstanding()
    {
        FuseReplyContext context = new(FuseOpcode.Lookup, U + 1);

        FuseProtocolError error = Decode.RejectReply(ReplyFrames.Entry(FuseProtocol.Latest), context, FuseProtocol.Latest, new(FuseProtocolRule.UniqueNotOutstanding, FuseOpcode.Lookup, U, 8));

        Assert.Equal((long)(U + 1), error.Expected);
    }

    [Fact]
    public void Second_reply_for_the_same_unique_is_DuplicateReply()
    {
        FuseOutstandingRequests outstanding = With(ReplyFrames.Context(FuseOpcode.Lookup));
        byte[] frame = ReplyFrames.Entry(FuseProtocol.Latest);

        FuseValidationResult first = FuseReplyValidator.ValidateIncoming(frame, outstanding, FuseProtocol.Latest, FuseReplyStrictness.Lenient, out FuseReplyContext matched);

        Assert.True(first.IsValid);
        Assert.Equal(ReplyFrames.Context(FuseOpcode.Lookup), matched);
        Decode.RejectIncoming(frame, outstanding, FuseProtocol.Latest, new(FuseProtocolRule.DuplicateReply, FuseOpcode.Lookup, U, 8));
        Decode.RejectIncoming(ReplyFrames.Error(Errno.EIO), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.DuplicateReply, FuseOpcode.Lookup, U, 8));
    }

    [Fact]
    public void Malformed_reply_still_retires_its_request_so_a_retry_is_DuplicateReply()
    {
        FuseOutstandingRequests outstanding = With(ReplyFrames.Context(FuseOpcode.Lookup));

        Decode.RejectIncoming(
            FrameEdit.CutAndFixLength(ReplyFrames.Entry(FuseProtocol.Latest), 116), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Lookup, U, 16));

        Assert.Equal(0, outstanding.Count);
        Decode.RejectIncoming(ReplyFrames.Entry(FuseProtocol.Latest), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.DuplicateReply, FuseOpcode.Lookup, U, 8));
    }

    [Theory]
    [InlineData(FuseOpcode.Forget)]
    [InlineData(FuseOpcode.BatchForget)]
    [InlineData(FuseOpcode.NotifyReply)]
    public void Reply_to_a_request_that_is_never_answered_is_ReplyToNoReplyOpcode(FuseOpcode opcode)
    {
        FuseOutstandingRequests outstanding = With(ReplyFrames.Context(opcode));
        Assert.Equal(0, outstanding.Count);

        Decode.RejectIncoming(ReplyFrames.Error(Errno.ENOSYS), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.ReplyToNoReplyOpcode, opcode, U, 8));
        Decode.RejectReply(ReplyFrames.Empty(), ReplyFrames.Context(opcode), FuseProtocol.Latest, new(FuseProtocolRule.ReplyToNoReplyOpcode, opcode, U, 8));
    }

    [Fact]
    public void Reply_to_a_forget_decoded_from_the_kernels_frame_is_ReplyToNoReplyOpcode()
    {
        byte[] forget = RequestFrames.Write(FuseProtocol.Latest, FuseOpcode.Forget, new FuseForgetIn { NLookup = 1 });
        FuseOutstandingRequests outstanding = With(FuseReplyContext.For(FuseRequest.Parse(forget, FuseProtocol.Latest)));

        Decode.RejectIncoming(ReplyFrames.Empty(RequestFrames.Unique), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.ReplyToNoReplyOpcode, FuseOpcode.Forget, RequestFrames.Unique, 8));
    }

    [Fact]
    public void Valid_notification_fed_to_ValidateIncoming_is_validated_as_a_notification()
    {
        FuseOutstandingRequests outstanding = With(ReplyFrames.Context(FuseOpcode.Lookup));

        FuseValidationResult result = FuseReplyValidator.ValidateIncoming(NotificationFrames.InvalEntry("abc"u8), outstanding, FuseProtocol.Latest, FuseReplyStrictness.Strict, out FuseReplyContext context);

        Assert.True(result.IsValid);
        Assert.Equal(default, context);
        Assert.Equal(1, outstanding.Count);
    }

    [Fact]
    public void Malformed_notification_fed_to_ValidateIncoming_breaks_the_notification_rules()
    {
        FuseOutstandingRequests outstanding = With(ReplyFrames.Context(FuseOpcode.Lookup));

        Decode.RejectIncoming(FrameEdit.SetInt32(NotificationFrames.PollWakeup(), 4, 42), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.UnknownNotifyCode, 0, 0, 4));
        Decode.RejectIncoming(FrameEdit.SetUInt32(NotificationFrames.InvalEntry("abc"u8), 24, 9), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, 0, 0, 32));
        Assert.Equal(1, outstanding.Count);
    }

    [Fact]
    public void Frame_shorter_than_a_header_fed_to_ValidateIncoming_is_HeaderTruncated()
    {
        Decode.RejectIncoming(new byte[10], new FuseOutstandingRequests(), FuseProtocol.Latest, new(FuseProtocolRule.HeaderTruncated, 0, 0, 0));
    }

    [Fact]
    public void Framing_error_is_reported_before_the_unique_is_looked_up()
    {
        byte[] frame = FrameEdit.Cut(ReplyFrames.Entry(FuseProtocol.Latest), 100);

        Decode.RejectIncoming(frame, new FuseOutstandingRequests(), FuseProtocol.Latest, new(FuseProtocolRule.LengthMismatch, 0, U, 0));
        Decode.RejectIncoming(FrameEdit.SetUInt32(ReplyFrames.Empty(), 0, 8), new FuseOutstandingRequests(), FuseProtocol.Latest, new(FuseProtocolRule.LengthBelowHeader, 0, U, 0));
    }

    [Fact]
    public void Framing_error_leaves_the_request_outstanding()
    {
        FuseOutstandingRequests outstanding = With(ReplyFrames.Context(FuseOpcode.Lookup));

        Decode.RejectIncoming(FrameEdit.Cut(ReplyFrames.Entry(FuseProtocol.Latest), 100), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.LengthMismatch, 0, U, 0));

        Assert.Equal(1, outstanding.Count);
    }
}
