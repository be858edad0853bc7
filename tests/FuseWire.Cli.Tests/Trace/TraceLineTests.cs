using System;
using System.Buffers;
using FuseWire.Abi;
using FuseWire.Cli.Trace;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Proxy;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Cli.Tests.Trace;

public sealed class TraceLineTests
{
    private static readonly FuseProtocol Protocol = FuseProtocol.Latest;

    [Fact]
    public void A_request_line_shows_the_time_the_direction_and_the_decoded_request()
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseRequestWriter.WriteLookup(output, new FuseInHeader { Unique = 12, NodeId = 1 }, "a.txt"u8);
        FuseProxyFrame frame = new(output.WrittenSpan, FuseProxyDirection.Request, FuseProxyAction.Forwarded, new FuseReplyContext(FuseOpcode.Lookup, 12), default, Protocol, TimeSpan.Zero);
        Assert.Equal("    1.500000 -> LOOKUP unique=12 nodeid=1 name=\"a.txt\"", TraceRecorder.Format(frame, TimeSpan.FromSeconds(1.5)));
    }

    [Fact]
    public void A_reply_line_carries_its_latency()
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteError(output, 12, Errno.ENOENT);
        FuseProxyFrame frame = new(output.WrittenSpan, FuseProxyDirection.Reply, FuseProxyAction.Forwarded, new FuseReplyContext(FuseOpcode.Lookup, 12), default, Protocol, TimeSpan.FromMicroseconds(83));
        Assert.Equal("    2.000000 <- reply unique=12 error=-ENOENT (83 us)", TraceRecorder.Format(frame, TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_replaced_reply_names_the_rule_and_what_the_proxy_did()
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteWrite(output, 4, 1);
        FuseProtocolError error = new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Getattr, 4, 16, 8, 104);
        FuseProxyFrame frame = new(output.WrittenSpan, FuseProxyDirection.Reply, FuseProxyAction.ReplacedWithError, new FuseReplyContext(FuseOpcode.Getattr, 4), new FuseValidationResult(error, default), Protocol, TimeSpan.FromMicroseconds(10));
        string line = TraceRecorder.Format(frame, TimeSpan.Zero);
        Assert.Contains("!! PayloadTooShort (opcode=GETATTR unique=4 offset=16 actual=8 expected=104): answered EIO instead", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_written_by_the_proxy_says_so()
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteError(output, 14, Errno.ENOTCONN);
        FuseProxyFrame frame = new(output.WrittenSpan, FuseProxyDirection.Reply, FuseProxyAction.AnsweredByProxy, new FuseReplyContext(FuseOpcode.Lookup, 14), default, Protocol, TimeSpan.Zero);
        Assert.EndsWith("<- reply unique=14 error=-ENOTCONN (answered by the proxy: the daemon has gone)", TraceRecorder.Format(frame, TimeSpan.Zero), StringComparison.Ordinal);
    }
}
