using System;
using System.Buffers;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Proxy;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Proxy;

public sealed class FuseProxyTests
{
    private const FuseInitFlags Offered = FuseInitFlags.InitExt | FuseInitFlags.SetxattrExt | FuseInitFlags.AsyncRead | FuseInitFlags.MaxPages;
    private static readonly FuseProtocol Negotiated = FuseProtocol.Negotiate(45, Offered, Offered);

    [Fact]
    public void Init_passes_unchanged_and_fixes_the_protocol_from_both_sides()
    {
        using ProxyHarness harness = new();
        FuseInitFlags accepted = FuseInitFlags.InitExt | FuseInitFlags.AsyncRead | FuseInitFlags.MaxPages | FuseInitFlags.ParallelDirops;
        byte[] atKernel = harness.Init(Offered, accepted, daemonMinor: 40, maxWrite: 2 << 20);

        FuseInitOut init = FuseReply.Parse(atKernel, new FuseReplyContext(FuseOpcode.Init, 2), FuseProtocol.Initial).GetArgument<FuseInitOut>();
        Assert.Equal(40u, init.Minor);
        Assert.Equal((uint)(2 << 20), init.MaxWrite);
        FuseProtocol protocol = harness.Proxy.Protocol;
        Assert.Equal(40u, protocol.Minor);
        Assert.Equal(FuseInitFlags.InitExt | FuseInitFlags.AsyncRead | FuseInitFlags.MaxPages, protocol.Flags); // ParallelDirops was not offered
        Assert.True(protocol.MaxFrameLength >= (2u << 20) + 4096, $"MaxFrameLength {protocol.MaxFrameLength}");
    }

    [Fact]
    public void A_write_as_large_as_the_negotiated_max_write_crosses_both_buffers()
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered, maxWrite: 2 << 20);
        FuseProtocol protocol = harness.Proxy.Protocol;
        byte[] data = new byte[2 << 20];
        new Random(7).NextBytes(data);
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = FuseOpcode.Write, Unique = 4, NodeId = 2 };
        _ = FuseRequestWriter.Write(output, protocol, header, new FuseWriteIn { Fh = 1, Size = (uint)data.Length }, data: data);
        byte[] request = output.WrittenSpan.ToArray();

        harness.SendFromKernel(request);
        Assert.Equal(request, harness.ReceiveAtDaemon());
        byte[] reply = ProxyHarness.Reply(o => FuseReplyWriter.WriteWrite(o, 4, (uint)data.Length));
        harness.SendFromDaemon(reply);
        Assert.Equal(reply, harness.ReceiveAtKernel());

        // And a READ reply of max_pages pages comes back whole.
        harness.SendFromKernel(ProxyHarness.Request(FuseOpcode.Read, 6, 2, protocol, new FuseReadIn { Fh = 1, Size = (uint)data.Length }));
        _ = harness.ReceiveAtDaemon();
        byte[] readReply = ProxyHarness.Reply(o => FuseReplyWriter.WriteData(o, 6, data));
        harness.SendFromDaemon(readReply);
        Assert.Equal(readReply, harness.ReceiveAtKernel());
    }

    [Fact]
    public void A_request_and_its_reply_pass_unchanged_and_are_observed_with_the_latency()
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered);
        byte[] request = ProxyHarness.Request(FuseOpcode.Getattr, 4, 1, Negotiated, new FuseGetattrIn());
        harness.SendFromKernel(request);
        Assert.Equal(request, harness.ReceiveAtDaemon());
        Assert.Equal(1, harness.Proxy.OutstandingCount);
        byte[] reply = ProxyHarness.Reply(o => FuseReplyWriter.WriteAttr(o, Negotiated, 4, new FuseAttrOut { AttrValid = 1, Attr = new FuseAttr { Ino = 1, Mode = 0x41ED, NLink = 2 } }));
        harness.SendFromDaemon(reply);
        Assert.Equal(reply, harness.ReceiveAtKernel());

        ObservedFrame[] frames = harness.Frames.Where(f => f.Context.Unique == 4).ToArray();
        Assert.Equal(2, frames.Length);
        Assert.Equal(FuseProxyDirection.Request, frames[0].Direction);
        Assert.Equal(FuseOpcode.Getattr, frames[0].Context.Opcode);
        Assert.Equal(request, frames[0].Bytes);
        Assert.Equal(FuseProxyDirection.Reply, frames[1].Direction);
        Assert.Equal(FuseProxyAction.Forwarded, frames[1].Action);
        Assert.Equal(FuseOpcode.Getattr, frames[1].Context.Opcode);
        Assert.True(frames[1].Validation.IsValid);
        Assert.True(frames[1].Latency > TimeSpan.Zero);
        Assert.Equal(0, harness.Proxy.OutstandingCount);
    }

    [Fact]
    public void Polling_before_blocking_passes_frames_unchanged_in_bursts_and_after_idle_spells()
    {
        using ProxyHarness harness = new(spin: TimeSpan.FromMilliseconds(1));
        _ = harness.Init(Offered, Offered);
        for (int i = 0; i < 100; i++)
        {
            if (i % 25 == 0)
            {
                Thread.Sleep(20); // longer than the spin: both pumps are blocked in their reads again
            }

            ulong unique = 10 + (2 * (ulong)i);
            byte[] request = ProxyHarness.Request(FuseOpcode.Getattr, unique, 1, Negotiated, new FuseGetattrIn());
            harness.SendFromKernel(request);
            Assert.Equal(request, harness.ReceiveAtDaemon());
            byte[] reply = ProxyHarness.Reply(o => FuseReplyWriter.WriteAttr(o, Negotiated, unique, new FuseAttrOut { Attr = new FuseAttr { Ino = (ulong)i } }));
            harness.SendFromDaemon(reply);
            Assert.Equal(reply, harness.ReceiveAtKernel());
        }

        Assert.Equal(0, harness.Proxy.OutstandingCount);
        Assert.All(harness.Frames.Where(f => f.Direction == FuseProxyDirection.Reply), f => Assert.Equal(FuseProxyAction.Forwarded, f.Action));
    }

    [Fact]
    public void Forget_and_batch_forget_pass_and_are_not_awaited_and_a_reply_to_them_is_dropped()
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered);
        byte[] forget = ProxyHarness.Reply(o => FuseRequestWriter.WriteForget(o, new FuseInHeader { Unique = 4, NodeId = 2 }, 1));
        ArrayBufferWriter<byte> batch = new();
        FuseForgetOne[] forgets = [new() { NodeId = 2, NLookup = 1 }, new() { NodeId = 3, NLookup = 2 }];
        _ = FuseRequestWriter.Write(batch, Negotiated, new FuseInHeader { Opcode = FuseOpcode.BatchForget, Unique = 6 }, new FuseBatchForgetIn { Count = 2 }, data: MemoryMarshal.AsBytes(forgets.AsSpan()));
        harness.SendFromKernel(forget);
        harness.SendFromKernel(batch.WrittenSpan);
        Assert.Equal(forget, harness.ReceiveAtDaemon());
        Assert.Equal(batch.WrittenSpan.ToArray(), harness.ReceiveAtDaemon());
        Assert.Equal(0, harness.Proxy.OutstandingCount);

        harness.SendFromDaemon(ProxyHarness.Reply(o => FuseReplyWriter.WriteError(o, 4, Errno.ENOSYS)));
        ExchangeGetattr(harness, 8);

        ObservedFrame dropped = Assert.Single(harness.Frames, f => f.Action == FuseProxyAction.Dropped);
        Assert.Equal(FuseProtocolRule.ReplyToNoReplyOpcode, dropped.Validation.Error.Rule);
    }

    [Fact]
    public void Interrupt_passes_and_the_daemons_eagain_to_it_comes_back()
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered);
        harness.SendFromKernel(ProxyHarness.Request(FuseOpcode.Getattr, 10, 1, Negotiated, new FuseGetattrIn()));
        byte[] interrupt = ProxyHarness.Reply(o => FuseRequestWriter.WriteInterrupt(o, 10 | 1, 10));
        harness.SendFromKernel(interrupt);
        _ = harness.ReceiveAtDaemon();
        Assert.Equal(interrupt, harness.ReceiveAtDaemon());
        Assert.Equal(1, harness.Proxy.OutstandingCount); // only the GETATTR waits for a reply

        byte[] again = ProxyHarness.Reply(o => FuseReplyWriter.WriteError(o, 10 | 1, Errno.EAGAIN));
        harness.SendFromDaemon(again);
        Assert.Equal(again, harness.ReceiveAtKernel());
        byte[] interrupted = ProxyHarness.Reply(o => FuseReplyWriter.WriteError(o, 10, Errno.EINTR));
        harness.SendFromDaemon(interrupted);
        Assert.Equal(interrupted, harness.ReceiveAtKernel());
        Assert.Equal(0, harness.Proxy.OutstandingCount);
    }

    [Theory]
    [InlineData("short payload")]
    [InlineData("len beyond the bytes")]
    [InlineData("error with payload")]
    public void A_reply_the_validator_rejects_is_replaced_by_eio_for_its_request(string damage)
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered);
        harness.SendFromKernel(ProxyHarness.Request(FuseOpcode.Getattr, 4, 1, Negotiated, new FuseGetattrIn()));
        _ = harness.ReceiveAtDaemon();
        byte[] bad = damage switch
        {
            "short payload" => ProxyHarness.Reply(o => FuseReplyWriter.WriteWrite(o, 4, 1)), // 8 bytes where attr_out is 104
            "len beyond the bytes" => WithLen(ProxyHarness.Reply(o => FuseReplyWriter.WriteAttr(o, Negotiated, 4, new FuseAttrOut())), 200),
            _ => WithError(ProxyHarness.Reply(o => FuseReplyWriter.WriteAttr(o, Negotiated, 4, new FuseAttrOut())), -Errno.ENOENT),
        };
        harness.SendFromDaemon(bad);

        FuseReply reply = FuseReply.Parse(harness.ReceiveAtKernel(), new FuseReplyContext(FuseOpcode.Getattr, 4), Negotiated, FuseReplyStrictness.Strict);
        Assert.Equal(Errno.EIO, reply.Errno);
        ObservedFrame observed = Assert.Single(harness.Frames, f => f.Direction == FuseProxyDirection.Reply && f.Context.Unique == 4);
        Assert.Equal(FuseProxyAction.ReplacedWithError, observed.Action);
        Assert.False(observed.Validation.IsValid);
        Assert.Equal(bad, observed.Bytes);
        Assert.Equal(0, harness.Proxy.OutstandingCount);
    }

    [Fact]
    public void A_reply_to_no_request_and_a_bad_notification_are_dropped_and_a_good_notification_passes()
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered);
        harness.SendFromDaemon(ProxyHarness.Reply(o => FuseReplyWriter.WriteError(o, 998, Errno.ENOENT)));
        harness.SendFromDaemon(WithError(ProxyHarness.Reply(o => FuseNotificationWriter.WriteInvalInode(o, 2, 0, -1)), 999));
        byte[] notification = ProxyHarness.Reply(o => FuseNotificationWriter.WriteInvalInode(o, 2, 0, -1));
        harness.SendFromDaemon(notification);
        Assert.Equal(notification, harness.ReceiveAtKernel());
        ExchangeGetattr(harness, 4);

        ObservedFrame[] dropped = harness.Frames.Where(f => f.Action == FuseProxyAction.Dropped).ToArray();
        Assert.Equal(2, dropped.Length);
        Assert.Equal(FuseProtocolRule.UniqueNotOutstanding, dropped[0].Validation.Error.Rule);
        Assert.Equal(FuseProtocolRule.UnknownNotifyCode, dropped[1].Validation.Error.Rule);
    }

    [Fact]
    public void When_the_daemon_dies_every_outstanding_request_and_every_later_one_is_answered_enotconn()
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered);
        ulong[] uniques = [4, 6, 8];
        foreach (ulong unique in uniques)
        {
            harness.SendFromKernel(ProxyHarness.Request(FuseOpcode.Getattr, unique, 1, Negotiated, new FuseGetattrIn()));
            _ = harness.ReceiveAtDaemon();
        }

        harness.Daemon.Dispose();
        ulong[] answered = new ulong[3];
        for (int i = 0; i < answered.Length; i++)
        {
            byte[] frame = harness.ReceiveAtKernel();
            ref readonly FuseOutHeader header = ref MemoryMarshal.AsRef<FuseOutHeader>(frame);
            Assert.Equal(-Errno.ENOTCONN, header.Error);
            Assert.Equal((uint)FuseOutHeader.StructSize, header.Len);
            answered[i] = header.Unique;
        }

        Assert.Equal(uniques, answered.Order());
        Assert.Equal(FuseProxyExit.DaemonEnded, harness.WaitForEnd());
        Assert.Equal(3, harness.Frames.Count(f => f.Action == FuseProxyAction.AnsweredByProxy));

        harness.SendFromKernel(ProxyHarness.Request(FuseOpcode.Getattr, 10, 1, Negotiated, new FuseGetattrIn()));
        byte[] later = harness.ReceiveAtKernel();
        Assert.Equal(-Errno.ENOTCONN, MemoryMarshal.AsRef<FuseOutHeader>(later).Error);
        Assert.Equal(10ul, MemoryMarshal.AsRef<FuseOutHeader>(later).Unique);
        Assert.Equal(0, harness.Proxy.OutstandingCount);
    }

    [Fact]
    public void When_the_kernel_side_ends_the_daemon_side_is_closed()
    {
        using ProxyHarness harness = new();
        _ = harness.Init(Offered, Offered);
        harness.Kernel.Dispose();
        Assert.Equal(FuseProxyExit.KernelEnded, harness.WaitForEnd());
        Assert.Equal(FuseReadStatus.Unmounted, harness.ReadStatusAtDaemon());
    }

    [Fact]
    public void An_observer_that_throws_ends_the_proxy_with_its_exception_and_closes_the_daemon_side()
    {
        using ProxyHarness harness = new(record => (in FuseProxyFrame frame) =>
        {
            if (frame.Context.Opcode == FuseOpcode.Getattr)
            {
                throw new InvalidOperationException("observer failed");
            }

            record!(frame);
        });
        _ = harness.Init(Offered, Offered);
        harness.SendFromKernel(ProxyHarness.Request(FuseOpcode.Getattr, 4, 1, Negotiated, new FuseGetattrIn()));
        AggregateException failure = Assert.Throws<AggregateException>(() => harness.WaitForEnd());
        Assert.Equal("observer failed", Assert.IsType<InvalidOperationException>(failure.InnerException).Message);
        Assert.Equal(FuseReadStatus.Unmounted, harness.ReadStatusAtDaemon());
    }

    [Fact]
    public void Steady_state_forwarding_allocates_nothing_on_either_pump_thread()
    {
        AllocationProbe probe = new(capacity: 800);
        using ProxyHarness harness = new(_ => probe.Observe);
        _ = harness.Init(Offered, Offered);
        byte[] request = ProxyHarness.Request(FuseOpcode.Getattr, 4, 1, Negotiated, new FuseGetattrIn());
        byte[] reply = ProxyHarness.Reply(o => FuseReplyWriter.WriteAttr(o, Negotiated, 4, new FuseAttrOut { Attr = new FuseAttr { Ino = 1, Mode = 0x41ED } }));
        for (int i = 0; i < 700; i++)
        {
            harness.SendFromKernel(request);
            _ = harness.ReceiveAtDaemon();
            harness.SendFromDaemon(reply);
            _ = harness.ReceiveAtKernel();
        }

        // Frames 0 and 1 are INIT; the first hundred round trips warm up (JIT, dictionary growth). Steady state: some window of
        // 200 round trips after that allocates nothing on each thread (an early window may still meet the runtime's one-off
        // tiered-JIT costs while the suite runs in parallel; those are not per frame).
        Assert.Equal(0, LeastWindow(probe, FuseProxyDirection.Request));
        Assert.Equal(0, LeastWindow(probe, FuseProxyDirection.Reply));
    }

    private static long LeastWindow(AllocationProbe probe, FuseProxyDirection direction)
    {
        long least = long.MaxValue;
        for (int first = 100; first + 200 <= 700; first += 100)
        {
            least = Math.Min(least, probe.AllocatedBetween(direction, first, first + 200));
        }

        return least;
    }

    private static void ExchangeGetattr(ProxyHarness harness, ulong unique)
    {
        harness.SendFromKernel(ProxyHarness.Request(FuseOpcode.Getattr, unique, 1, Negotiated, new FuseGetattrIn()));
        _ = harness.ReceiveAtDaemon();
        byte[] reply = ProxyHarness.Reply(o => FuseReplyWriter.WriteAttr(o, Negotiated, unique, new FuseAttrOut()));
        harness.SendFromDaemon(reply);
        Assert.Equal(reply, harness.ReceiveAtKernel());
    }

    private static byte[] WithLen(byte[] frame, uint len)
    {
        MemoryMarshal.AsRef<FuseOutHeader>(frame.AsSpan()).Len = len;
        return frame;
    }

    private static byte[] WithError(byte[] frame, int error)
    {
        MemoryMarshal.AsRef<FuseOutHeader>(frame.AsSpan()).Error = error;
        return frame;
    }
}
