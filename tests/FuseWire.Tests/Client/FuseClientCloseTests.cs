using System;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Codec;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>The connection ends under pending requests: each fails with FuseConnectionClosedException in bounded time, later sends fail at once, the reader thread ends.</summary>
public sealed class FuseClientCloseTests
{
    [Fact]
    public async Task TheDaemonClosingItsEnd_FailsEveryPendingRequest_AndLaterSendsAtOnce()
    {
        FuseClientProtocolErrorTests.Connected c = await FuseClientProtocolErrorTests.Connected.StartAsync(new FuseClientOptions());
        await using FuseClientProtocolErrorTests.Connected connected = c;
        FuseClient client = c.Client;
        Task<FuseAttrOut> getattr = client.GetAttrAsync(1).AsTask();
        Task<int> read = client.ReadAsync(2, 0, 0, new byte[4096]).AsTask();
        TaskCompletionSource<Exception?> callback = new(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Send(FuseOpcode.Statfs, 1, default, (reply, exception, state) => callback.SetResult(exception));
        for (int i = 0; i < 3; i++)
        {
            _ = c.Daemon.ReadFrame();
        }

        Assert.Equal(3, client.PendingCount);
        c.Daemon.Dispose();

        await Assert.ThrowsAsync<FuseConnectionClosedException>(() => getattr.WaitAsync(ClientHarness.Timeout));
        await Assert.ThrowsAsync<FuseConnectionClosedException>(() => read.WaitAsync(ClientHarness.Timeout));
        Assert.IsType<FuseConnectionClosedException>(await callback.Task.WaitAsync(ClientHarness.Timeout));
        Assert.False(client.IsConnected);
        Assert.Equal(0, client.PendingCount);
        Assert.True(SpinWait.SpinUntil(() => !client.IsReaderAlive, ClientHarness.Timeout), "the reader thread is still running");

        ValueTask<FuseEntryOut> later = client.LookupAsync(1, "x");
        Assert.True(later.IsFaulted);
        await Assert.ThrowsAsync<FuseConnectionClosedException>(() => later.AsTask());
        Assert.Throws<FuseConnectionClosedException>(() => client.Forget(2, 1));
        Assert.Throws<FuseConnectionClosedException>(() => client.Send(FuseOpcode.Statfs, 1, default, (r, e, s) => { }));
    }

    [Fact]
    public async Task AFailingWrite_EndsTheConnection_AndFailsEveryPendingRequest()
    {
        GatedTransport? gated = null;
        FuseClientProtocolErrorTests.Connected c = await FuseClientProtocolErrorTests.Connected.StartAsync(
            new FuseClientOptions(), kernel => gated = new GatedTransport(kernel));
        await using FuseClientProtocolErrorTests.Connected connected = c;
        Task<FuseAttrOut> sent = c.Client.GetAttrAsync(1).AsTask();
        _ = c.Daemon.Expect(FuseOpcode.Getattr);
        gated!.FailWrites = true;
        Task<FuseAttrOut> failing = c.Client.GetAttrAsync(2).AsTask();
        await Assert.ThrowsAsync<FuseConnectionClosedException>(() => failing.WaitAsync(ClientHarness.Timeout));
        await Assert.ThrowsAsync<FuseConnectionClosedException>(() => sent.WaitAsync(ClientHarness.Timeout));
        Assert.False(c.Client.IsConnected);
        Assert.True(SpinWait.SpinUntil(() => !c.Client.IsReaderAlive, ClientHarness.Timeout), "the reader thread is still running");
    }

    [Fact]
    public async Task DisposingTheClient_FailsPendingRequests_AndEndsTheReader()
    {
        FuseClientProtocolErrorTests.Connected c = await FuseClientProtocolErrorTests.Connected.StartAsync(new FuseClientOptions());
        await using FuseClientProtocolErrorTests.Connected connected = c;
        Task<FuseAttrOut> getattr = c.Client.GetAttrAsync(1).AsTask();
        _ = c.Daemon.Expect(FuseOpcode.Getattr);
        c.Client.Dispose();
        FuseConnectionClosedException e = await Assert.ThrowsAsync<FuseConnectionClosedException>(() => getattr.WaitAsync(ClientHarness.Timeout));
        Assert.IsType<ObjectDisposedException>(e.InnerException);
        Assert.False(c.Client.IsReaderAlive);
    }

    [Fact]
    public async Task TheSessionEnding_FailsTheClientsRequests()
    {
        ClientHarness harness = await ClientHarness.StartAsync(new MemFs.MemFileSystem());
        await using ClientHarness disposing = harness;
        await harness.Client.DestroyAsync().AsTask().WaitAsync(ClientHarness.Timeout);
        await harness.Running.WaitAsync(ClientHarness.Timeout);
        harness.Daemon.Dispose();
        await Assert.ThrowsAsync<FuseConnectionClosedException>(() => harness.Client.GetAttrAsync(1).AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.True(SpinWait.SpinUntil(() => !harness.Client.IsReaderAlive, ClientHarness.Timeout));
    }
}
