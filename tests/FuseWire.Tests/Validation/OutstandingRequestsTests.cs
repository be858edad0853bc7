using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>The table of requests awaiting replies.</summary>
public class OutstandingRequestsTests
{
    [Fact]
    public void Unique_0_is_refused()
    {
        FuseOutstandingRequests outstanding = new();

        Assert.False(outstanding.TryAdd(new FuseReplyContext(FuseOpcode.Lookup, 0)));
        Assert.Equal(0, outstanding.Count);
        Assert.False(outstanding.TryTake(0, out _, out FuseProtocolRule rule));
        Assert.Equal(FuseProtocolRule.UniqueNotOutstanding, rule);
    }

    [Fact]
    public void Unique_already_outstanding_is_refused_and_the_first_request_kept()
    {
        FuseOutstandingRequests outstanding = new();

        Assert.True(outstanding.TryAdd(new FuseReplyContext(FuseOpcode.Read, 7, 4096)));
        Assert.False(outstanding.TryAdd(new FuseReplyContext(FuseOpcode.Lookup, 7)));

        Assert.Equal(1, outstanding.Count);
        Assert.True(outstanding.TryTake(7, out FuseReplyContext context, out _));
        Assert.Equal(new FuseReplyContext(FuseOpcode.Read, 7, 4096), context);
    }

    [Fact]
    public void After_a_valid_reply_the_request_is_no_longer_outstanding()
    {
        FuseOutstandingRequests outstanding = new();
        Assert.True(outstanding.TryAdd(ReplyFrames.Context(FuseOpcode.Lookup)));

        FuseValidationResult result = FuseReplyValidator.ValidateIncoming(
            ReplyFrames.Entry(FuseProtocol.Latest), outstanding, FuseProtocol.Latest, FuseReplyStrictness.Strict, out FuseReplyContext context);

        Assert.True(result.IsValid);
        Assert.Equal(FuseOpcode.Lookup, context.Opcode);
        Assert.Equal(0, outstanding.Count);
        Assert.False(outstanding.TryTake(ReplyFrames.Unique, out _, out FuseProtocolRule rule));
        Assert.Equal(FuseProtocolRule.DuplicateReply, rule);
        Assert.False(outstanding.Remove(ReplyFrames.Unique));
    }

    [Fact]
    public void Retired_unique_may_be_reused_by_a_new_request()
    {
        FuseOutstandingRequests outstanding = new();
        Assert.True(outstanding.TryAdd(ReplyFrames.Context(FuseOpcode.Lookup)));
        Assert.True(outstanding.TryTake(ReplyFrames.Unique, out _, out _));

        Assert.True(outstanding.TryAdd(ReplyFrames.Context(FuseOpcode.Getattr)));
        Assert.True(outstanding.TryTake(ReplyFrames.Unique, out FuseReplyContext context, out FuseProtocolRule rule));
        Assert.Equal(FuseOpcode.Getattr, context.Opcode);
        Assert.Equal(FuseProtocolRule.None, rule);
    }

    [Fact]
    public void Removed_request_is_not_outstanding_and_not_remembered_as_answered()
    {
        FuseOutstandingRequests outstanding = new();
        Assert.True(outstanding.TryAdd(ReplyFrames.Context(FuseOpcode.Lookup)));

        Assert.True(outstanding.Remove(ReplyFrames.Unique));
        Assert.False(outstanding.TryTake(ReplyFrames.Unique, out _, out FuseProtocolRule rule));
        Assert.Equal(FuseProtocolRule.UniqueNotOutstanding, rule);
    }

    [Fact]
    public void Retired_memory_is_bounded()
    {
        FuseOutstandingRequests outstanding = new(capacity: 4, retiredMemory: 2);
        for (ulong unique = 1; unique <= 3; unique++)
        {
            Assert.True(outstanding.TryAdd(new FuseReplyContext(FuseOpcode.Lookup, unique)));
            Assert.True(outstanding.TryTake(unique, out _, out _));
        }

        Assert.False(outstanding.TryTake(1, out _, out FuseProtocolRule forgotten));
        Assert.False(outstanding.TryTake(3, out _, out FuseProtocolRule remembered));
        Assert.Equal(FuseProtocolRule.UniqueNotOutstanding, forgotten);
        Assert.Equal(FuseProtocolRule.DuplicateReply, remembered);
    }

    [Fact]
    public void Forget_type_requests_are_not_outstanding()
    {
        FuseOutstandingRequests outstanding = new();

        Assert.True(outstanding.TryAdd(new FuseReplyContext(FuseOpcode.Forget, 11)));
        Assert.True(outstanding.TryAdd(new FuseReplyContext(FuseOpcode.BatchForget, 12)));

        Assert.Equal(0, outstanding.Count);
        Assert.False(outstanding.TryTake(11, out _, out FuseProtocolRule rule));
        Assert.Equal(FuseProtocolRule.ReplyToNoReplyOpcode, rule);
    }
}
