using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Tests.Validation;

/// <summary>
/// One representative malformed frame per <see cref="FuseProtocolRule"/>: builds it from a valid frame, breaks it, decodes it through
/// both tiers (via <see cref="Decode"/>, which asserts rule, opcode, unique and offset) and returns the finding.
/// </summary>
internal static class RuleCatalogue
{
    /// <summary>Rules with no frame that breaks them, and why. The coverage test accepts exactly these as missing (none today).</summary>
    public static readonly FuseProtocolRule[] Unproduced = [];

    private const ulong Rq = RequestFrames.Unique;
    private const ulong Rp = ReplyFrames.Unique;

    public static FuseProtocolError Break(FuseProtocolRule rule) => rule switch
    {
        FuseProtocolRule.HeaderTruncated => Decode.RejectRequest(
            FrameEdit.Cut(RequestFrames.Lookup(), 39), FuseProtocol.Latest, new(rule, 0, 0, 0)),
        FuseProtocolRule.LengthBelowHeader => Decode.RejectRequest(
            FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.Len, 39), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rq, 0)),
        FuseProtocolRule.LengthMismatch => Decode.RejectReply(
            FrameEdit.Cut(ReplyFrames.Entry(FuseProtocol.Latest), 100), ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rp, 0)),
        FuseProtocolRule.LengthAboveMaximum => Decode.RejectRequest(
            RequestFrames.WriteRequest(FuseProtocol.Latest, RequestFrames.Bytes(100)), FuseProtocol.Latest with { MaxFrameLength = 128 }, new(rule, FuseOpcode.Write, Rq, 0)),
        FuseProtocolRule.UnknownOpcode => Decode.RejectRequest(
            FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.OpcodeOrError, 54), FuseProtocol.Latest, new(rule, (FuseOpcode)54, Rq, 4)),
        FuseProtocolRule.PayloadTooShort => Decode.RejectRequest(
            RequestFrames.Read(FuseProtocol.Latest.WithMinor(8)), FuseProtocol.Latest, new(rule, FuseOpcode.Read, Rq, 40)),
        FuseProtocolRule.PayloadTooLong => Decode.RejectReply(
            FrameEdit.AppendAndFixLength(ReplyFrames.Empty(), 8), ReplyFrames.Context(FuseOpcode.Interrupt), FuseProtocol.Latest, new(rule, FuseOpcode.Interrupt, Rp, 16)),
        FuseProtocolRule.NameNotTerminated => Decode.RejectRequest(
            FrameEdit.CutAndFixLength(RequestFrames.Rename("old"u8, "new"u8), 52), FuseProtocol.Latest, new(rule, FuseOpcode.Rename, Rq, 52)),
        FuseProtocolRule.NameEmpty => Decode.RejectRequest(
            RequestFrames.Lookup(default), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rq, 40)),
        FuseProtocolRule.NameContainsSlash => Decode.RejectRequest(
            RequestFrames.Lookup("a/b"u8), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rq, 40)),
        FuseProtocolRule.NameTooLong => Decode.RejectRequest(
            RequestFrames.Lookup(RequestFrames.Bytes(256)), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rq, 40)),
        FuseProtocolRule.CountMismatch => Decode.RejectRequest(
            FrameEdit.SetUInt32(RequestFrames.BatchForget(1), 40, 2), FuseProtocol.Latest, new(rule, FuseOpcode.BatchForget, Rq, 48)),
        FuseProtocolRule.ExtensionMalformed => Decode.RejectRequest(
            FrameEdit.SetUInt16(RequestFrames.Lookup("abc"u8), FrameEdit.TotalExtLen, 100), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rq, 36)),
        FuseProtocolRule.UnsupportedVersion => Decode.RejectReply(
            FrameEdit.SetUInt32(ReplyFrames.Init(), 16, 8), ReplyFrames.Context(FuseOpcode.Init), FuseProtocol.Initial, new(rule, FuseOpcode.Init, Rp, 16)),
        FuseProtocolRule.ErrorOutOfRange => Decode.RejectReply(
            FrameEdit.SetInt32(ReplyFrames.Error(Errno.ENOENT), FrameEdit.OpcodeOrError, -512), ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rp, 4)),
        FuseProtocolRule.ErrorWithPayload => Decode.RejectReply(
            FrameEdit.SetInt32(ReplyFrames.Entry(FuseProtocol.Latest), FrameEdit.OpcodeOrError, -Errno.EIO), ReplyFrames.Context(FuseOpcode.Lookup), FuseProtocol.Latest, new(rule, FuseOpcode.Lookup, Rp, 16)),
        FuseProtocolRule.UniqueNotOutstanding => Decode.RejectIncoming(
            ReplyFrames.Entry(FuseProtocol.Latest), new FuseOutstandingRequests(), FuseProtocol.Latest, new(rule, 0, Rp, 8)),
        FuseProtocolRule.DuplicateReply => SecondReply(),
        FuseProtocolRule.ReplyToNoReplyOpcode => ReplyToForget(),
        FuseProtocolRule.UnknownNotifyCode => Decode.RejectNotification(
            FrameEdit.SetInt32(NotificationFrames.PollWakeup(), FrameEdit.OpcodeOrError, 10), FuseProtocol.Latest, new(rule, 0, 0, 4)),
        FuseProtocolRule.DirentMalformed => Decode.RejectReply(
            FrameEdit.SetUInt32(ReplyFrames.Dirents(false, "abc"), ReplyFrames.FirstNameLenOffset(false), 0), ReplyFrames.Context(FuseOpcode.Readdir, 4096), FuseProtocol.Latest, new(rule, FuseOpcode.Readdir, Rp, 16)),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No catalogue frame breaks this rule."),
    };

    private static FuseProtocolError SecondReply()
    {
        FuseOutstandingRequests outstanding = new();
        _ = outstanding.TryAdd(ReplyFrames.Context(FuseOpcode.Lookup));
        byte[] reply = ReplyFrames.Entry(FuseProtocol.Latest);
        if (!FuseReplyValidator.ValidateIncoming(reply, outstanding, FuseProtocol.Latest, FuseReplyStrictness.Strict, out _).IsValid)
        {
            throw new InvalidOperationException("The first reply must be valid.");
        }

        return Decode.RejectIncoming(reply, outstanding, FuseProtocol.Latest, new(FuseProtocolRule.DuplicateReply, FuseOpcode.Lookup, Rp, 8));
    }

    private static FuseProtocolError ReplyToForget()
    {
        FuseOutstandingRequests outstanding = new();
        _ = outstanding.TryAdd(ReplyFrames.Context(FuseOpcode.Forget));
        return Decode.RejectIncoming(ReplyFrames.Empty(), outstanding, FuseProtocol.Latest, new(FuseProtocolRule.ReplyToNoReplyOpcode, FuseOpcode.Forget, Rp, 8));
    }
}
