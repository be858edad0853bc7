using System;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Validation;

/// <summary>
/// Applies perfused's rules, and more, to every reply: len against the bytes received, the error's range, no payload with an error,
/// the expected payload size per opcode and minor, long replies flagged, and the unique matched against the outstanding requests.
/// </summary>
public static class FuseReplyValidator
{
    /// <summary>Validates a reply against the request it answers.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="context">The request it answers.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="strictness">How a long reply is treated.</param>
    /// <returns>The error (unusable) and warning (usable) found.</returns>
    public static FuseValidationResult Validate(ReadOnlySpan<byte> frame, in FuseReplyContext context, in FuseProtocol protocol, FuseReplyStrictness strictness = FuseReplyStrictness.Lenient)
    {
        _ = FuseReply.TryParse(frame, context, protocol, strictness, out _, out FuseValidationResult result);
        return result;
    }

    /// <summary>
    /// Validates a frame from the daemon: a notification when its unique is 0, else a reply that must match an outstanding request,
    /// which is then retired (whether the reply is valid or not: the kernel ends the request either way). A framing error
    /// (header truncated, len below the header, above the maximum or not the bytes received) is reported first, with opcode 0,
    /// and retires nothing.
    /// </summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="outstanding">The requests awaiting replies.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="strictness">How a long reply is treated.</param>
    /// <param name="context">The request the reply answered, when it matched one.</param>
    /// <returns>The error and warning found.</returns>
    public static FuseValidationResult ValidateIncoming(
        ReadOnlySpan<byte> frame, FuseOutstandingRequests outstanding, in FuseProtocol protocol, FuseReplyStrictness strictness, out FuseReplyContext context)
    {
        ArgumentNullException.ThrowIfNull(outstanding);
        context = default;

        // Framing first, as the kernel does before it looks the unique up: a frame whose len cannot be trusted is a framing error
        // (the stream may be out of step), not a reply to match, and it leaves the request outstanding.
        if (!FuseReply.TryReadHeader(frame, 0, protocol, out ulong unique, out _, out FuseValidationResult framing))
        {
            return framing;
        }

        if (unique == 0)
        {
            _ = FuseNotification.TryParse(frame, protocol, out _, out FuseProtocolError notifyError);
            return new FuseValidationResult(notifyError, default);
        }

        if (!outstanding.TryTake(unique, out context, out FuseProtocolRule rule))
        {
            return new FuseValidationResult(new FuseProtocolError(rule, context.Opcode, unique, 8, (long)unique, 0), default);
        }

        return Validate(frame, context, protocol, strictness);
    }
}
