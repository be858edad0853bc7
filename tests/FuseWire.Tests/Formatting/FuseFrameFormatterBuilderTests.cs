using System;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Formatting;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Formatting;

/// <summary>The StringBuilder overloads append exactly the line the string overloads return, after whatever the builder holds.</summary>
public sealed class FuseFrameFormatterBuilderTests
{
    [Fact]
    public void Requests_append_the_same_line()
    {
        var builder = new StringBuilder();
        foreach (FuseOpcode opcode in Enum.GetValues<FuseOpcode>())
        {
            FuseRequest request = FuseRequest.Parse(SampleRequests.For(opcode), SampleRequests.Protocol);
            builder.Clear().Append("prefix ");

            FuseFrameFormatter.FormatRequest(request, builder);

            Assert.Equal("prefix " + FuseFrameFormatter.FormatRequest(request), builder.ToString());
        }
    }

    [Fact]
    public void Replies_append_the_same_line()
    {
        var builder = new StringBuilder();
        foreach (FuseOpcode opcode in SampleReplies.RepliedOpcodes())
        {
            SampleReply sample = SampleReplies.For(opcode);
            FuseReply reply = FuseReply.Parse(sample.Frame, sample.Context, FuseProtocol.Latest, FuseReplyStrictness.Strict);
            builder.Clear().Append("> ");

            FuseFrameFormatter.FormatReply(reply, sample.Context, builder);

            Assert.Equal("> " + FuseFrameFormatter.FormatReply(reply, sample.Context), builder.ToString());
        }
    }

    [Fact]
    public void Notifications_append_the_same_line_and_a_second_line_starts_fresh()
    {
        var builder = new StringBuilder();
        foreach (FuseNotifyCode code in Enum.GetValues<FuseNotifyCode>())
        {
            FuseNotification notification = FuseNotification.Parse(SampleNotifications.For(code), FuseProtocol.Latest);
            string expected = FuseFrameFormatter.FormatNotification(notification);
            builder.Clear();

            FuseFrameFormatter.FormatNotification(notification, builder);
            builder.Append('|');
            FuseFrameFormatter.FormatNotification(notification, builder);

            Assert.Equal(expected + "|" + expected, builder.ToString());
        }
    }
}
