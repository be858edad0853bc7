using System;
using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>
/// Valid frames with random bytes overwritten, cut or extended: the decoders either accept them or report a rule, and the throwing
/// tier throws nothing but <see cref="FuseProtocolException"/>, whatever the bytes.
/// </summary>
public class MutatedFrameTests
{
    private static readonly FuseProtocol[] Protocols =
    [
        FuseProtocol.Latest,
        FuseProtocol.Latest.WithMinor(8),
        FuseProtocol.Latest.WithMinor(35),
        new FuseProtocol(45, FuseInitFlags.InitExt, 512),
    ];

    private static List<byte[]> Requests() =>
    [
        RequestFrames.Lookup(),
        RequestFrames.Read(FuseProtocol.Latest),
        RequestFrames.WriteRequest(FuseProtocol.Latest, RequestFrames.Bytes(24)),
        RequestFrames.Rename("old"u8, "new"u8),
        RequestFrames.Symlink("l"u8, "/t"u8),
        RequestFrames.Setxattr("user.x"u8, "vv"u8),
        RequestFrames.Ioctl(RequestFrames.Bytes(8)),
        RequestFrames.BatchForget(2),
        RequestFrames.Init(),
        RequestFrames.Write(FuseProtocol.Latest, FuseOpcode.Lookup, default, "abc"u8, extensions: RequestFrames.Extension(16, 16)),
    ];

    private static List<(byte[] Frame, FuseReplyContext Context)> Replies() =>
    [
        (ReplyFrames.Entry(FuseProtocol.Latest), ReplyFrames.Context(FuseOpcode.Lookup)),
        (ReplyFrames.Error(Errno.ENOENT), ReplyFrames.Context(FuseOpcode.Getattr)),
        (ReplyFrames.Data(40), ReplyFrames.Context(FuseOpcode.Read, 64)),
        (ReplyFrames.Init(), ReplyFrames.Context(FuseOpcode.Init)),
        (ReplyFrames.Dirents(false, "abc", "defgh"), ReplyFrames.Context(FuseOpcode.Readdir, 4096)),
        (ReplyFrames.Dirents(true, "abc"), ReplyFrames.Context(FuseOpcode.Readdirplus, 4096)),
        (NotificationFrames.InvalEntry("abc"u8), ReplyFrames.Context(FuseOpcode.Lookup)),
        (NotificationFrames.Store(RequestFrames.Bytes(5)), ReplyFrames.Context(FuseOpcode.Lookup)),
    ];

    private static byte[] Mutate(Random random, byte[] valid)
    {
        byte[] frame = (byte[])valid.Clone();
        switch (random.Next(4))
        {
            case 0:
                frame = FrameEdit.CutAndFixLength(frame, random.Next(frame.Length + 1) is int n && n >= 4 ? n : frame.Length);
                break;
            case 1:
                frame = FrameEdit.AppendAndFixLength(frame, random.Next(1, 24), (byte)random.Next(256));
                break;
            default:
                break;
        }

        int edits = random.Next(1, 4);
        for (int i = 0; i < edits && frame.Length > 0; i++)
        {
            int offset = random.Next(frame.Length);
            frame[offset] = random.Next(3) == 0 ? (byte)0 : (byte)random.Next(256);
        }

        return frame;
    }

    [Fact]
    public void Mutated_requests_are_accepted_or_rejected_with_a_rule_and_nothing_else_is_thrown()
    {
        Random random = new(745);
        List<byte[]> valid = Requests();
        for (int i = 0; i < 20_000; i++)
        {
            byte[] frame = Mutate(random, valid[i % valid.Count]);
            FuseProtocol protocol = Protocols[i % Protocols.Length];
            bool ok = FuseRequest.TryParse(frame, protocol, out FuseRequest request, out FuseProtocolError error);
            Assert.Equal(!ok, error.IsError);
            if (ok)
            {
                _ = FuseReplyContext.For(request);
                _ = request.Name.Length + request.Name2.Length + request.Data.Length + request.Forgets.Length;
                foreach (FuseExtension extension in request.EnumerateExtensions())
                {
                    _ = extension.Type;
                }
            }
            else
            {
                FuseProtocolException thrown = Assert.Throws<FuseProtocolException>(() => { _ = FuseRequest.Parse(frame, protocol); });
                Assert.Equal(error, thrown.Error);
            }
        }
    }

    [Fact]
    public void Mutated_replies_and_notifications_are_accepted_or_rejected_with_a_rule_and_nothing_else_is_thrown()
    {
        Random random = new(7);
        List<(byte[] Frame, FuseReplyContext Context)> valid = Replies();
        for (int i = 0; i < 20_000; i++)
        {
            (byte[] original, FuseReplyContext context) = valid[i % valid.Count];
            byte[] frame = Mutate(random, original);
            FuseProtocol protocol = Protocols[i % Protocols.Length];
            FuseReplyStrictness strictness = (i & 1) == 0 ? FuseReplyStrictness.Lenient : FuseReplyStrictness.Strict;

            bool ok = FuseReply.TryParse(frame, context, protocol, strictness, out FuseReply reply, out FuseValidationResult result);
            Assert.Equal(ok, result.IsValid);
            if (ok)
            {
                foreach (FuseDirentEntry entry in reply.EnumerateDirents(context.Opcode == FuseOpcode.Readdirplus))
                {
                    _ = entry.Name.Length;
                }
            }
            else
            {
                Assert.Equal(result.Error, Assert.Throws<FuseProtocolException>(() => { _ = FuseReply.Parse(frame, context, protocol, strictness); }).Error);
            }

            if (!FuseNotification.TryParse(frame, protocol, out _, out FuseProtocolError notifyError))
            {
                Assert.Equal(notifyError, Assert.Throws<FuseProtocolException>(() => { _ = FuseNotification.Parse(frame, protocol); }).Error);
            }

            FuseOutstandingRequests outstanding = new();
            _ = outstanding.TryAdd(context);
            _ = FuseReplyValidator.ValidateIncoming(frame, outstanding, protocol, strictness, out _);
        }
    }
}
