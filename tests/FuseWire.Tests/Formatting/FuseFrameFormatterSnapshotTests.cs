using System;
using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Formatting;
using FuseWire.Protocol;
using FuseWire.Validation;
using Snapshooter.Xunit;
using Xunit;

namespace FuseWire.Tests.Formatting;

/// <summary>
/// Snapshots of the formatter's output over one request of every opcode, one reply of every opcode that gets one (plus errors and
/// variants), and one notification of every notify code. A change in any line shows as a diff against the committed .snap file.
/// </summary>
public sealed class FuseFrameFormatterSnapshotTests
{
    [Fact]
    public void Requests_of_every_opcode()
    {
        List<string> lines = [];
        foreach (FuseOpcode opcode in Enum.GetValues<FuseOpcode>())
        {
            string line = FuseFrameFormatter.FormatRequest(FuseRequest.Parse(SampleRequests.For(opcode), SampleRequests.Protocol));
            Assert.StartsWith(FuseNames.OpcodeName(opcode) + " unique=", line, StringComparison.Ordinal);
            lines.Add(line);
        }

        lines.Add(FuseFrameFormatter.FormatRequest(FuseRequest.Parse(SampleRequests.MkdirWithGroups(), SampleRequests.Protocol)));

        Snapshot.Match(string.Join('\n', lines), SnapshotFiles.For("FuseFrameFormatterSnapshotTests.Requests"));
    }

    [Fact]
    public void Replies_of_every_replied_opcode()
    {
        List<string> lines = [];
        foreach (FuseOpcode opcode in SampleReplies.RepliedOpcodes())
        {
            lines.Add(Format(SampleReplies.For(opcode)));
        }

        lines.Add(Format(SampleReplies.For(FuseOpcode.Getxattr, requestedSize: 64)));
        lines.Add(Format(SampleReplies.For(FuseOpcode.Listxattr, requestedSize: 64)));
        lines.Add(Format(new SampleReply(Error(SampleRequests.UniqueOf(FuseOpcode.Lookup), Errno.ENOENT), new(FuseOpcode.Lookup, SampleRequests.UniqueOf(FuseOpcode.Lookup)))));
        lines.Add(Format(new SampleReply(Error(SampleRequests.UniqueOf(FuseOpcode.Open), 41), new(FuseOpcode.Open, SampleRequests.UniqueOf(FuseOpcode.Open)))));

        Snapshot.Match(string.Join('\n', lines), SnapshotFiles.For("FuseFrameFormatterSnapshotTests.Replies"));
    }

    [Fact]
    public void Notifications_of_every_code()
    {
        List<string> lines = [];
        foreach (FuseNotifyCode code in Enum.GetValues<FuseNotifyCode>())
        {
            string line = FuseFrameFormatter.FormatNotification(FuseNotification.Parse(SampleNotifications.For(code), FuseProtocol.Latest));
            Assert.StartsWith("notify " + FuseNames.TryGetNotifyName(code), line, StringComparison.Ordinal);
            lines.Add(line);
        }

        Snapshot.Match(string.Join('\n', lines), SnapshotFiles.For("FuseFrameFormatterSnapshotTests.Notifications"));
    }

    private static string Format(SampleReply sample)
    {
        FuseReply reply = FuseReply.Parse(sample.Frame, sample.Context, FuseProtocol.Latest, FuseReplyStrictness.Strict);
        string line = FuseFrameFormatter.FormatReply(reply, sample.Context);
        Assert.StartsWith("reply unique=" + sample.Context.Unique.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ", line, StringComparison.Ordinal);
        return FuseNames.OpcodeName(sample.Context.Opcode) + " -> " + line;
    }

    private static byte[] Error(ulong unique, int errno)
    {
        System.Buffers.ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteError(output, unique, errno);
        return output.WrittenSpan.ToArray();
    }
}
