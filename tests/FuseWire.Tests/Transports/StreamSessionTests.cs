using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;
using FuseWire.Tests.Sessions;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>A <see cref="Sessions.FuseSession"/> serves any transport: here stream sockets, with the test as the kernel.</summary>
public sealed class StreamSessionTests
{
    private const FuseInitFlags Offered = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.InitExt;

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    [InlineData(TransportPair.SeqPacket)]
    public void Init_then_requests_are_answered_over_the_transport(string kind)
    {
        using StreamSessionHarness harness = new(kind, new RecordingFileSystem());
        FuseInitOut init = harness.Init(Offered);
        Assert.Equal(7u, init.Major);
        Assert.Equal(45u, init.Minor);
        Assert.True(harness.Session.IsInitialized);

        ulong lookup = harness.NextUnique();
        harness.SendLookup(lookup, 1, "f"u8);
        FuseEntryOut entry = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, lookup), harness.Session.Protocol, FuseReplyStrictness.Strict)
            .GetArgument<FuseEntryOut>();
        Assert.Equal(2ul, entry.NodeId);
        Assert.Equal(5ul, entry.Attr.Size);

        ulong missing = harness.NextUnique();
        harness.SendLookup(missing, 1, "nope"u8);
        FuseReply error = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, missing), harness.Session.Protocol);
        Assert.Equal(Errno.ENOENT, error.Errno);

        ulong getattr = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, getattr, 2, harness.Session.Protocol, new FuseGetattrIn());
        FuseAttrOut attr = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Getattr, getattr), harness.Session.Protocol, FuseReplyStrictness.Strict)
            .GetArgument<FuseAttrOut>();
        Assert.Equal(2ul, attr.Attr.Ino);
        Assert.Equal(3, harness.Session.RequestCount - 1);
    }

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    public void A_bad_len_from_the_kernel_side_ends_the_session_and_is_reported(string kind)
    {
        List<FuseProtocolError> reported = [];
        FuseSessionOptions options = new() { OnProtocolError = e => { lock (reported) { reported.Add(e); } } };
        using StreamSessionHarness harness = new(kind, new RecordingFileSystem(), options);
        harness.Init(Offered);
        byte[] bad = new byte[FuseInHeader.StructSize];
        FuseInHeader header = new() { Len = 7, Opcode = FuseOpcode.Getattr, Unique = 555, NodeId = 1 };
        MemoryMarshal.Write(bad, in header);
        Assert.True(harness.Kernel is FuseStreamTransport);
        ((FuseStreamTransport)harness.Kernel).Socket.Send(bad);

        // The frame boundary is lost, so the connection ends; the session ends normally, having reported why.
        Waits.For(harness.Running);
        lock (reported)
        {
            FuseProtocolError error = Assert.Single(reported);
            Assert.Equal(FuseProtocolRule.LengthBelowHeader, error.Rule);
            Assert.Equal(555ul, error.Unique);
        }

        Assert.True(harness.Daemon.IsDisconnected);
        Assert.Equal(FuseReadStatus.Unmounted, FuseStreamTransportTests.ReadBounded(harness.Kernel, new byte[4096], out _));
    }
}
