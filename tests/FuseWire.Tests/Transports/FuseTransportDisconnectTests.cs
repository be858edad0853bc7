using System;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>A closed peer is noticed by either side, reading or writing, and reported once; disposal wakes a blocked read.</summary>
public sealed class FuseTransportDisconnectTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(TransportPair.SeqPacket)]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    public void A_closed_peer_is_seen_by_a_read_and_reported_once(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        int reported = 0;
        pair.Second.Disconnected += (_, _) => Interlocked.Increment(ref reported);

        pair.First.Dispose();

        byte[] buffer = new byte[4096];
        Assert.Equal(FuseReadStatus.Unmounted, FuseStreamTransportTests.ReadBounded(pair.Second, buffer, out int length));
        Assert.Equal(0, length);
        Assert.Equal(FuseReadStatus.Unmounted, FuseStreamTransportTests.ReadBounded(pair.Second, buffer, out _));
        Assert.True(pair.Second.IsDisconnected);
        Assert.Equal(Errno.ENODEV, WriteUntilRefused(pair.Second));
        Assert.Equal(1, Volatile.Read(ref reported));
    }

    [Theory]
    [InlineData(TransportPair.SeqPacket)]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    public void A_closed_peer_is_seen_by_a_write_and_reported_once(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        int reported = 0;
        pair.Second.Disconnected += (_, _) => Interlocked.Increment(ref reported);

        pair.First.Dispose();

        Assert.Equal(Errno.ENODEV, WriteUntilRefused(pair.Second));
        Assert.True(pair.Second.IsDisconnected);
        Assert.Equal(1, Volatile.Read(ref reported));
        Assert.Equal(FuseReadStatus.Unmounted, FuseStreamTransportTests.ReadBounded(pair.Second, new byte[4096], out _));
        Assert.Equal(1, Volatile.Read(ref reported));
    }

    [Theory]
    [InlineData(TransportPair.SeqPacket)]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    public void A_read_blocked_on_another_thread_wakes_when_the_transport_is_disposed(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        int reported = 0;
        pair.Second.Disconnected += (_, _) => Interlocked.Increment(ref reported);
        using ManualResetEventSlim started = new();
        Task<FuseReadStatus> read = Task.Factory.StartNew(
            () =>
            {
                started.Set();
                return pair.Second.Read(new byte[4096], out _);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Assert.True(started.Wait(Timeout));
        Assert.False(Waits.For(read, TimeSpan.FromMilliseconds(200)), "the read returned with nothing sent");

        pair.Second.Dispose();

        Assert.True(Waits.For(read), "the blocked read did not wake within 10 s of Dispose");
        Assert.Equal(FuseReadStatus.Unmounted, Waits.Result(read));
        Assert.Equal(1, Volatile.Read(ref reported));
        Assert.Equal(FuseReadStatus.Unmounted, FuseStreamTransportTests.ReadBounded(pair.First, new byte[4096], out _));
    }

    /// <summary>Writes until the transport refuses: a Unix socket refuses the first write to a closed peer (EPIPE); TCP may accept
    /// one before the peer's reset arrives.</summary>
    private static int WriteUntilRefused(FuseTransport transport)
    {
        byte[] frame = TestFrames.Make(64, 1);
        DateTime deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            int result = transport.Write(frame);
            if (result != 0)
            {
                return result;
            }

            Thread.Sleep(10);
        }

        return 0;
    }
}
