using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>Cancellation: FUSE_INTERRUPT reaches the daemon's handler, the caller gets OperationCanceledException, the late reply is consumed quietly.</summary>
public sealed class FuseClientCancellationTests
{
    [Fact]
    public async Task CancellingARead_SendsInterrupt_TheHandlerSeesIt_AndTheLateEintrIsConsumedQuietly()
    {
        InterruptibleFileSystem fs = new();
        ConcurrentQueue<byte[]> sent = new();
        ConcurrentQueue<FuseProtocolError> errors = new();
        FuseClientOptions options = new()
        {
            Observer = (frame, fromKernel) =>
            {
                if (fromKernel)
                {
                    sent.Enqueue(frame.ToArray());
                }
            },
            OnProtocolError = errors.Enqueue,
        };
        await using ClientHarness harness = await ClientHarness.StartAsync(fs, options, new FuseSessionOptions { Workers = 2 });
        using CancellationTokenSource cts = new();
        byte[] buffer = new byte[16];
        buffer.AsSpan().Fill(0xAA);
        Task<int> read = harness.Client.ReadAsync(2, 0, 0, buffer, cts.Token).AsTask();
        Assert.True(fs.ReadStarted.Wait(ClientHarness.Timeout), "READ did not reach the handler");

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(ClientHarness.Timeout));
        Assert.True(fs.ReadEnded.Wait(ClientHarness.Timeout), "the handler was not interrupted");
        Assert.True(fs.SawInterrupt);
        Assert.True(fs.TokenCancelled);

        FuseRequest readRequest = FuseRequest.Parse(sent.Single(f => Opcode(f) == FuseOpcode.Read), harness.Client.Protocol);
        FuseRequest interrupt = FuseRequest.Parse(sent.Single(f => Opcode(f) == FuseOpcode.Interrupt), harness.Client.Protocol);
        Assert.Equal(readRequest.Unique, interrupt.GetArgument<FuseInterruptIn>().Unique);
        Assert.Equal(readRequest.Unique | 1, interrupt.Unique);

        // The EINTR reply arrives after the caller left: consumed without a protocol error, and never written into the caller's buffer.
        Assert.True(SpinWait.SpinUntil(() => harness.Client.PendingCount == 0, ClientHarness.Timeout), "the late reply was not consumed");
        Assert.Empty(errors);
        Assert.All(buffer, b => Assert.Equal(0xAA, b));
        Assert.Equal(1UL, (await harness.Client.GetAttrAsync(1).AsTask().WaitAsync(ClientHarness.Timeout)).Attr.Ino);
    }

    [Fact]
    public async Task AnAlreadyCancelledToken_SendsNothing()
    {
        ConcurrentQueue<byte[]> sent = new();
        await using ClientHarness harness = await ClientHarness.StartAsync(new InterruptibleFileSystem(), new FuseClientOptions { Observer = (f, k) => sent.Enqueue(f.ToArray()) });
        int before = sent.Count;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.GetAttrAsync(1, cancellationToken: new CancellationToken(true)).AsTask());
        Assert.Equal(before, sent.Count);
        Assert.Equal(0, harness.Client.PendingCount);
    }

    [Fact]
    public async Task Interrupt_JumpsTheQueue_AfterTheFrameBeingWritten_AndAQueuedRequestIsWithdrawn()
    {
        GatedTransport? gated = null;
        await using FuseClientProtocolErrorTests.Connected c = await FuseClientProtocolErrorTests.Connected.StartAsync(
            new FuseClientOptions(), kernel => gated = new GatedTransport(kernel));
        FuseClient client = c.Client;

        using CancellationTokenSource cancelA = new();
        using CancellationTokenSource cancelE = new();
        Task<FuseAttrOut> a = client.GetAttrAsync(10, cancellationToken: cancelA.Token).AsTask();
        ulong uniqueA = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));

        // Hold B in the transport's write; C, E and D queue up behind it.
        gated!.Gate.Reset();
        Task<FuseAttrOut> b = Task.Run(() => client.GetAttrAsync(11).AsTask());
        Assert.True(gated.Holding.Wait(ClientHarness.Timeout), "B's write did not start");
        Task<FuseAttrOut> cTask = client.GetAttrAsync(12).AsTask();
        Task<FuseAttrOut> e = client.GetAttrAsync(14, cancellationToken: cancelE.Token).AsTask();
        Task<FuseAttrOut> d = client.GetAttrAsync(13).AsTask();

        cancelA.Cancel();   // A was sent: INTERRUPT goes to the head of the queue
        cancelE.Cancel();   // E was not: it is withdrawn and never sent
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.WaitAsync(ClientHarness.Timeout));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => e.WaitAsync(ClientHarness.Timeout));
        gated.Gate.Set();

        FuseProtocol protocol = client.Protocol;
        FuseRequest frameB = FuseRequest.Parse(c.Daemon.ReadFrame(), protocol);
        FuseRequest interrupt = FuseRequest.Parse(c.Daemon.ReadFrame(), protocol);
        FuseRequest frameC = FuseRequest.Parse(c.Daemon.ReadFrame(), protocol);
        FuseRequest frameD = FuseRequest.Parse(c.Daemon.ReadFrame(), protocol);
        Assert.Equal(11UL, frameB.NodeId);
        Assert.Equal(FuseOpcode.Interrupt, interrupt.Opcode);
        Assert.Equal(uniqueA, interrupt.GetArgument<FuseInterruptIn>().Unique);
        Assert.Equal(12UL, frameC.NodeId);
        Assert.Equal(13UL, frameD.NodeId);

        // The daemon answers the interrupted A late, and B, C, D in turn; nothing else was sent.
        c.Daemon.Send(o => FuseReplyWriter.WriteError(o, uniqueA, Errno.EINTR));
        foreach ((ulong unique, ulong node) in new[] { (frameB.Unique, frameB.NodeId), (frameC.Unique, frameC.NodeId), (frameD.Unique, frameD.NodeId) })
        {
            c.Daemon.Send(o => FuseReplyWriter.WriteAttr(o, protocol, unique, FuseClientProtocolErrorTests.Attr(node)));
        }

        Assert.Equal(11UL, (await b.WaitAsync(ClientHarness.Timeout)).Attr.Ino);
        Assert.Equal(12UL, (await cTask.WaitAsync(ClientHarness.Timeout)).Attr.Ino);
        Assert.Equal(13UL, (await d.WaitAsync(ClientHarness.Timeout)).Attr.Ino);
        Assert.True(SpinWait.SpinUntil(() => client.PendingCount == 0, ClientHarness.Timeout));
        Assert.Equal([FuseOpcode.Init, FuseOpcode.Getattr, FuseOpcode.Getattr, FuseOpcode.Interrupt, FuseOpcode.Getattr, FuseOpcode.Getattr], gated.Written.Select(Opcode));
    }

    [Fact]
    public async Task AnInterruptAnsweredEagain_IsSentAgain_AndEnosys_StopsInterrupts()
    {
        await using FuseClientProtocolErrorTests.Connected c = await FuseClientProtocolErrorTests.Connected.StartAsync(new FuseClientOptions());
        FuseClient client = c.Client;
        using CancellationTokenSource cts = new();
        Task<FuseAttrOut> a = client.GetAttrAsync(10, cancellationToken: cts.Token).AsTask();
        ulong uniqueA = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));
        cts.Cancel();
        ulong interruptUnique = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Interrupt));
        Assert.Equal(uniqueA | 1, interruptUnique);
        c.Daemon.Send(o => FuseReplyWriter.WriteError(o, interruptUnique, Errno.EAGAIN));
        Assert.Equal(interruptUnique, FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Interrupt)));
        c.Daemon.Send(o => FuseReplyWriter.WriteError(o, interruptUnique, Errno.ENOSYS));
        c.Daemon.Send(o => FuseReplyWriter.WriteError(o, uniqueA, Errno.EINTR));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.WaitAsync(ClientHarness.Timeout));

        // A's task ended when it was cancelled; the replies above take effect when the reader gets to them, ENOSYS before the
        // EINTR that ends A, so A leaving the pending table means ENOSYS has been seen.
        Assert.True(SpinWait.SpinUntil(() => client.PendingCount == 0, ClientHarness.Timeout), "the reader did not process the replies to A");

        // After ENOSYS a cancelled request sends no INTERRUPT: the next frame the daemon sees is the GETATTR after it.
        using CancellationTokenSource cts2 = new();
        Task<FuseAttrOut> b = client.GetAttrAsync(20, cancellationToken: cts2.Token).AsTask();
        ulong uniqueB = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));
        cts2.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.WaitAsync(ClientHarness.Timeout));
        Task<FuseAttrOut> next = client.GetAttrAsync(21).AsTask();
        FuseRequest after = FuseRequest.Parse(c.Daemon.ReadFrame(), client.Protocol);
        Assert.Equal(FuseOpcode.Getattr, after.Opcode);
        Assert.Equal(21UL, after.NodeId);
        FuseProtocol protocol = client.Protocol;
        ulong nextUnique = after.Unique;
        c.Daemon.Send(o => FuseReplyWriter.WriteAttr(o, protocol, nextUnique, FuseClientProtocolErrorTests.Attr(21)));
        c.Daemon.Send(o => FuseReplyWriter.WriteError(o, uniqueB, Errno.EINTR));
        Assert.Equal(21UL, (await next.WaitAsync(ClientHarness.Timeout)).Attr.Ino);
    }

    private static FuseOpcode Opcode(byte[] frame) => (FuseOpcode)BitConverter.ToUInt32(frame, 4);
}
