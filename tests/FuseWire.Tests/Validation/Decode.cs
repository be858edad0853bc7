using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>
/// Runs both tiers of a decoder on one frame: the non-throwing <c>TryParse</c> must return false with the expected finding, and
/// <c>Parse</c> must throw exactly <see cref="FuseProtocolException"/> carrying the same finding. Each method returns the finding.
/// </summary>
internal static class Decode
{
    public static FuseProtocolError RejectRequest(byte[] frame, FuseProtocol protocol, ExpectedError expected)
    {
        bool ok = FuseRequest.TryParse(frame, protocol, out _, out FuseProtocolError error);
        Assert.False(ok, "TryParse accepted a malformed request.");
        expected.AssertMatches(error);

        FuseProtocolException thrown = Assert.Throws<FuseProtocolException>(() => { _ = FuseRequest.Parse(frame, protocol); });
        expected.AssertMatches(thrown);
        Assert.Equal(error, thrown.Error);
        return error;
    }

    public static void AcceptRequest(byte[] frame, FuseProtocol protocol)
    {
        bool ok = FuseRequest.TryParse(frame, protocol, out _, out FuseProtocolError error);
        Assert.True(ok, "TryParse rejected a valid request: " + error.ToString());
        Assert.Equal(FuseProtocolRule.None, error.Rule);
        FuseRequest request = FuseRequest.Parse(frame, protocol);
        Assert.Equal(frame.Length, request.Frame.Length);
    }

    public static FuseProtocolError RejectReply(
        byte[] frame, FuseReplyContext context, FuseProtocol protocol, ExpectedError expected, FuseReplyStrictness strictness = FuseReplyStrictness.Lenient)
    {
        bool ok = FuseReply.TryParse(frame, context, protocol, strictness, out _, out FuseValidationResult result);
        Assert.False(ok, "TryParse accepted a malformed reply.");
        Assert.False(result.IsValid);
        expected.AssertMatches(result.Error);

        FuseValidationResult validated = FuseReplyValidator.Validate(frame, context, protocol, strictness);
        Assert.Equal(result, validated);

        FuseProtocolException thrown = Assert.Throws<FuseProtocolException>(() => { _ = FuseReply.Parse(frame, context, protocol, strictness); });
        expected.AssertMatches(thrown);
        Assert.Equal(result.Error, thrown.Error);
        return result.Error;
    }

    public static FuseValidationResult AcceptReply(
        byte[] frame, FuseReplyContext context, FuseProtocol protocol, FuseReplyStrictness strictness = FuseReplyStrictness.Lenient)
    {
        bool ok = FuseReply.TryParse(frame, context, protocol, strictness, out _, out FuseValidationResult result);
        Assert.True(ok, "TryParse rejected a valid reply: " + result.Error.ToString());
        Assert.True(result.IsValid);
        FuseReply reply = FuseReply.Parse(frame, context, protocol, strictness);
        Assert.Equal(context.Unique, reply.Unique);
        return result;
    }

    public static FuseProtocolError RejectNotification(byte[] frame, FuseProtocol protocol, ExpectedError expected)
    {
        bool ok = FuseNotification.TryParse(frame, protocol, out _, out FuseProtocolError error);
        Assert.False(ok, "TryParse accepted a malformed notification.");
        expected.AssertMatches(error);

        FuseProtocolException thrown = Assert.Throws<FuseProtocolException>(() => { _ = FuseNotification.Parse(frame, protocol); });
        expected.AssertMatches(thrown);
        Assert.Equal(error, thrown.Error);
        return error;
    }

    public static void AcceptNotification(byte[] frame, FuseProtocol protocol)
    {
        bool ok = FuseNotification.TryParse(frame, protocol, out _, out FuseProtocolError error);
        Assert.True(ok, "TryParse rejected a valid notification: " + error.ToString());
        _ = FuseNotification.Parse(frame, protocol);
    }

    /// <summary>
    /// Feeds a frame from the daemon to <see cref="FuseReplyValidator.ValidateIncoming"/>; it has no throwing tier, so the exception a
    /// session would raise is built from the finding and checked to carry the same fields.
    /// </summary>
    public static FuseProtocolError RejectIncoming(
        byte[] frame, FuseOutstandingRequests outstanding, FuseProtocol protocol, ExpectedError expected, FuseReplyStrictness strictness = FuseReplyStrictness.Lenient)
    {
        FuseValidationResult result = FuseReplyValidator.ValidateIncoming(frame, outstanding, protocol, strictness, out _);
        Assert.False(result.IsValid, "ValidateIncoming accepted a malformed frame.");
        expected.AssertMatches(result.Error);
        expected.AssertMatches(new FuseProtocolException(result.Error));
        return result.Error;
    }
}
