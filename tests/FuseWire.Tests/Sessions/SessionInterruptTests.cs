using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;
using Xunit;

namespace FuseWire.Tests.Sessions;

/// <summary>
/// FUSE_INTERRUPT that finds no worker serving its request (it came first, or too late): remembered, delivered to the request
/// when it starts, or answered EAGAIN so that the kernel sends it again, as the kernel's protocol and libfuse have it.
/// </summary>
public class SessionInterruptTests
{
    private const FuseInitFlags Offered = FuseInitFlags.InitExt | FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages;

    [Fact]
    public void An_interrupt_read_before_its_request_reaches_the_request_when_it_starts()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        harness.Init(Offered);
        ulong read = harness.NextUnique();
        ulong interrupt = harness.NextUnique();

        harness.Send(FuseOpcode.Interrupt, interrupt, 0, harness.Session.Protocol, new FuseInterruptIn { Unique = read });
        harness.Send(FuseOpcode.Read, read, 2, harness.Session.Protocol, new FuseReadIn { Fh = 1, Size = 5 });

        // RecordingFileSystem's READ waits (up to 10 s) for its cancellation; it is cancelled from the start, so EINTR comes at once,
        // and nothing is sent for the INTERRUPT itself.
        FuseReply reply = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Read, read, 5), harness.Session.Protocol);
        Assert.Equal(read, reply.Unique);
        Assert.Equal(Errno.EINTR, reply.Errno);
    }

    [Fact]
    public void An_interrupt_for_a_request_already_answered_is_answered_eagain_by_the_next_request()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        harness.Init(Offered);
        ulong first = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, first, 1, harness.Session.Protocol, new FuseGetattrIn());
        _ = harness.ReceiveReply(FuseOpcode.Getattr, first);

        ulong interrupt = harness.NextUnique();
        harness.Send(FuseOpcode.Interrupt, interrupt, 0, harness.Session.Protocol, new FuseInterruptIn { Unique = first });
        ulong next = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, next, 1, harness.Session.Protocol, new FuseGetattrIn());

        FuseReply again = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Interrupt, interrupt), harness.Session.Protocol);
        Assert.Equal(interrupt, again.Unique);
        Assert.Equal(Errno.EAGAIN, again.Errno);
        Assert.False(FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Getattr, next), harness.Session.Protocol).IsError);
    }

    [Fact]
    public void At_most_sixteen_interrupts_wait_and_the_oldest_is_answered_eagain_when_a_seventeenth_comes()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        harness.Init(Offered);
        ulong oldest = 0;
        for (int i = 0; i <= FusePendingInterrupts.Capacity; i++)
        {
            ulong interrupt = harness.NextUnique();
            oldest = oldest == 0 ? interrupt : oldest;
            harness.Send(FuseOpcode.Interrupt, interrupt, 0, harness.Session.Protocol, new FuseInterruptIn { Unique = 1_000_000 + (ulong)i });
        }

        FuseReply again = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Interrupt, oldest), harness.Session.Protocol);
        Assert.Equal(oldest, again.Unique);
        Assert.Equal(Errno.EAGAIN, again.Errno);
    }

    [Fact]
    public void An_interrupt_delivered_to_a_running_request_is_never_answered_eagain_afterwards()
    {
        // The worker that reads the INTERRUPT delivers it to the worker running the READ, which answers EINTR and may read the
        // next request before the delivering worker has finished: that request must not find the delivered interrupt still
        // pending (it would answer it EAGAIN, and the kernel would send it again). Repeated, as the window is a few
        // instructions wide.
        RecordingFileSystem fs = new();
        using SessionHarness harness = new(fs, new FuseSessionOptions { Workers = 2 });
        harness.Init(Offered);
        SessionHarness.Bounded(TimeSpan.FromSeconds(60), () =>
        {
            for (int i = 0; i < 300; i++)
            {
                fs.ReadStarted.Reset();
                ulong read = harness.NextUnique();
                harness.Send(FuseOpcode.Read, read, 2, harness.Session.Protocol, new FuseReadIn { Fh = 1, Size = 5 });
                Assert.True(fs.ReadStarted.Wait(TimeSpan.FromSeconds(10)), "READ did not reach the handler");
                harness.Send(FuseOpcode.Interrupt, harness.NextUnique(), 0, harness.Session.Protocol, new FuseInterruptIn { Unique = read });
                FuseReply interrupted = FuseReply.Parse(harness.ReceiveDirect(), new FuseReplyContext(FuseOpcode.Read, read, 5), harness.Session.Protocol);
                Assert.Equal(Errno.EINTR, interrupted.Errno);

                ulong next = harness.NextUnique();
                harness.Send(FuseOpcode.Getattr, next, 1, harness.Session.Protocol, new FuseGetattrIn());
                FuseReply reply = FuseReply.Parse(harness.ReceiveDirect(), new FuseReplyContext(FuseOpcode.Getattr, next), harness.Session.Protocol);
                Assert.False(reply.IsError, $"round {i}: GETATTR answered {reply.Errno}");
            }
        });
    }
}
