using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Interop;
using FuseWire.Protocol;
using FuseWire.Tests.Buffers;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Transports;

public sealed class FuseStreamTransportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    public void Frames_of_every_size_cross_whole_and_in_order(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        int[] sizes = [16, 17, 40, 4096, 70_000, (int)FuseProtocol.DefaultMaxFrameLength, 100];
        Task writer = Task.Run(() =>
        {
            for (int i = 0; i < sizes.Length; i++)
            {
                Assert.Equal(0, pair.First.Write(TestFrames.Make(sizes[i], (ulong)i + 1)));
            }
        });

        byte[] buffer = new byte[FuseProtocol.DefaultMaxFrameLength];
        for (int i = 0; i < sizes.Length; i++)
        {
            Assert.Equal(FuseReadStatus.Frame, ReadBounded(pair.Second, buffer, out int length));
            Assert.Equal(sizes[i], length);
            Assert.Equal((ulong)i + 1, TestFrames.Check(buffer.AsSpan(0, length)));
        }

        Assert.True(Waits.For(writer));
    }

    [Fact]
    public void Many_small_frames_sent_at_once_are_read_one_by_one()
    {
        (Socket raw, FuseStreamTransport transport) = RawPeer();
        using Socket peer = raw;
        using FuseStreamTransport reader = transport;
        List<byte> stream = [];
        for (int i = 0; i < 50; i++)
        {
            stream.AddRange(TestFrames.Make(16 + (i % 7 * 8), (ulong)i + 1));
        }

        Assert.Equal(stream.Count, peer.Send(stream.ToArray()));
        byte[] buffer = new byte[4096];
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(FuseReadStatus.Frame, ReadBounded(reader, buffer, out int length));
            Assert.Equal(16 + (i % 7 * 8), length);
            Assert.Equal((ulong)i + 1, TestFrames.Check(buffer.AsSpan(0, length)));
        }
    }

    [Fact]
    public void Frames_written_one_byte_at_a_time_are_reassembled()
    {
        (Socket raw, FuseStreamTransport transport) = RawPeer();
        using Socket peer = raw;
        using FuseStreamTransport reader = transport;
        byte[] first = TestFrames.Make(200, 7);
        byte[] second = TestFrames.Make(33, 8);
        byte[] bytes = [.. first, .. second];
        Task trickle = Task.Run(() =>
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                Assert.Equal(1, peer.Send(bytes, i, 1, SocketFlags.None));
                if (i % 4 == 0)
                {
                    Thread.Sleep(1);
                }
            }
        });

        byte[] buffer = new byte[1024];
        Assert.Equal(FuseReadStatus.Frame, ReadBounded(reader, buffer, out int length));
        Assert.Equal(7ul, TestFrames.Check(buffer.AsSpan(0, length)));
        Assert.Equal(FuseReadStatus.Frame, ReadBounded(reader, buffer, out length));
        Assert.Equal(8ul, TestFrames.Check(buffer.AsSpan(0, length)));
        Assert.True(Waits.For(trickle));
    }

    [Theory]
    [InlineData(15u, FuseProtocolRule.LengthBelowHeader)]
    [InlineData(0u, FuseProtocolRule.LengthBelowHeader)]
    [InlineData(4097u, FuseProtocolRule.LengthAboveMaximum)]
    [InlineData(uint.MaxValue, FuseProtocolRule.LengthAboveMaximum)]
    public void A_bad_len_is_a_protocol_error_that_ends_the_connection(uint len, FuseProtocolRule rule)
    {
        (Socket raw, FuseStreamTransport transport) = RawPeer(maxFrameLength: 4096);
        using Socket peer = raw;
        using FuseStreamTransport reader = transport;
        int disconnected = 0;
        reader.Disconnected += (_, _) => Interlocked.Increment(ref disconnected);
        byte[] good = TestFrames.Make(48, 1);
        byte[] bad = TestFrames.Make(24, 99);
        MemoryMarshal.Write(bad, in len);
        peer.Send([.. good, .. bad]);

        byte[] buffer = new byte[8192];
        Assert.Equal(FuseReadStatus.Frame, ReadBounded(reader, buffer, out int length));
        Assert.Equal(48, length);
        FuseProtocolException error = Assert.Throws<FuseProtocolException>(() => reader.Read(buffer, out _));

        Assert.Equal(rule, error.Rule);
        Assert.Equal(len, (uint)error.Error.Actual);
        Assert.Equal(99ul, error.Unique);
        Assert.Contains("at byte 48 of the stream", error.Message, StringComparison.Ordinal);
        Assert.True(reader.IsDisconnected);
        Assert.Equal(FuseReadStatus.Unmounted, reader.Read(buffer, out _));
        Assert.Equal(Errno.ENODEV, reader.Write(TestFrames.Make(16, 2)));
        Assert.Equal(1, Volatile.Read(ref disconnected));
        peer.ReceiveTimeout = (int)Timeout.TotalMilliseconds;
        Assert.Equal(0, peer.Receive(buffer));
    }

    [Fact]
    public void A_frame_longer_than_the_readers_buffer_is_cut_and_the_next_one_is_whole()
    {
        using TransportPair pair = TransportPair.Create(TransportPair.UnixStream);
        Assert.Equal(0, pair.First.Write(TestFrames.Make(100_000, 1)));
        Assert.Equal(0, pair.First.Write(TestFrames.Make(64, 2)));

        byte[] small = new byte[1000];
        Assert.Equal(FuseReadStatus.Frame, ReadBounded(pair.Second, small, out int length));
        Assert.Equal(1000, length);
        Assert.Equal(100_000u, MemoryMarshal.Read<uint>(small));

        Assert.Equal(FuseReadStatus.Frame, ReadBounded(pair.Second, small, out length));
        Assert.Equal(64, length);
        Assert.Equal(2ul, TestFrames.Check(small.AsSpan(0, length)));
    }

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    [InlineData(TransportPair.SeqPacket)]
    public void Writers_on_several_threads_never_interleave_frames(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        const int Threads = 4;
        const int PerThread = 150;
        Task[] writers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    ulong unique = ((ulong)t << 32) | (uint)i;
                    Assert.Equal(0, pair.First.Write(TestFrames.Make(16 + (i * 97 % 9000), unique)));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        byte[] buffer = new byte[16_384];
        int[] next = new int[Threads];
        for (int n = 0; n < Threads * PerThread; n++)
        {
            Assert.Equal(FuseReadStatus.Frame, ReadBounded(pair.Second, buffer, out int length));
            ulong unique = TestFrames.Check(buffer.AsSpan(0, length));
            int thread = (int)(unique >> 32);
            Assert.Equal(next[thread]++, (int)(uint)unique);
        }

        Assert.True(Waits.ForAll(writers));
    }

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.SeqPacket)]
    public void Readers_on_several_threads_each_get_whole_frames(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        const int Frames = 600;
        ConcurrentBag<ulong> seen = [];
        int remaining = Frames;
        Task[] readers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
            () =>
            {
                byte[] buffer = new byte[16_384];
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    Assert.Equal(FuseReadStatus.Frame, pair.Second.Read(buffer, out int length));
                    seen.Add(TestFrames.Check(buffer.AsSpan(0, length)));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        for (int i = 0; i < Frames; i++)
        {
            Assert.Equal(0, pair.First.Write(TestFrames.Make(16 + (i * 131 % 12_000), (ulong)i + 1)));
        }

        Assert.True(Waits.ForAll(readers), "the readers did not get every frame");
        Assert.Equal(Enumerable.Range(1, Frames).Select(i => (ulong)i), seen.Order());
    }

    [Fact]
    public void Write_refuses_a_frame_that_would_break_the_peers_framing()
    {
        using TransportPair pair = TransportPair.Create(TransportPair.UnixStream, maxFrameLength: 4096);
        byte[] lying = TestFrames.Make(100, 1);
        MemoryMarshal.Write(lying, 90u);

        Assert.Throws<ArgumentException>(() => pair.First.Write(lying));
        Assert.Throws<ArgumentException>(() => pair.First.Write(new byte[8]));
        Assert.Throws<ArgumentException>(() => pair.First.Write(TestFrames.Make(4097, 2)));
        Assert.False(pair.First.IsDisconnected);
        Assert.Equal(0, pair.First.Write(TestFrames.Make(16, 3)));
        byte[] buffer = new byte[64];
        Assert.Equal(FuseReadStatus.Frame, ReadBounded(pair.Second, buffer, out int length));
        Assert.Equal(3ul, TestFrames.Check(buffer.AsSpan(0, length)));
    }

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.SeqPacket)]
    public void Unix_peers_know_each_others_credentials(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        FusePeerCredentials credentials = pair.Second switch
        {
            FuseStreamTransport stream => stream.GetPeerCredentials(),
            FuseSocketTransport seqpacket => seqpacket.GetPeerCredentials(),
            _ => throw new InvalidOperationException(),
        };

        Assert.Equal(Environment.ProcessId, credentials.ProcessId);
        Assert.Equal(LibC.GetEUid(), credentials.UserId);
        Assert.Equal(LibC.GetEGid(), credentials.GroupId);
    }

    [Fact]
    public void A_tcp_peer_has_no_credentials_and_says_so()
    {
        (FuseStreamTransport client, FuseStreamTransport server) = TransportPair.CreateTcp();
        using FuseStreamTransport first = client;
        using FuseStreamTransport second = server;

        NotSupportedException error = Assert.Throws<NotSupportedException>(() => second.GetPeerCredentials());
        Assert.Contains("Unix-domain", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.Tcp)]
    [InlineData(TransportPair.SeqPacket)]
    public void A_frame_buffer_receives_exactly_the_frame_and_sends_it_back(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        TrackingArrayPool pool = new();
        using (FuseFrameBuffer outgoing = new(pool: pool))
        using (FuseFrameBuffer incoming = new(pool: pool))
        {
            foreach (int size in new[] { 16, 5000, 300_000, 40 })
            {
                outgoing.Recycle();
                TestFrames.Fill(outgoing.GetWindow(0, size), (ulong)size);
                Assert.Equal(0, pair.First.WriteFrame(outgoing));

                Assert.Equal(FuseReadStatus.Frame, pair.Second.ReadFrame(incoming));
                Assert.Equal(size, incoming.Length);
                Assert.Equal(0, incoming.Position);
                Assert.Equal((ulong)size, TestFrames.Check(incoming.WrittenSpan));
            }

            Assert.All(pool.Rents, rent => Assert.True(rent <= 2 * 300_000));
        }

        Assert.Equal(0, pool.Outstanding);
    }

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.SeqPacket)]
    public void A_frame_above_the_buffers_maximum_is_refused_before_reserving_and_the_next_frame_is_read(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(maxLength: 1000, pool: pool);
        Assert.Equal(0, pair.First.Write(TestFrames.Make(50_000, 5)));
        Assert.Equal(0, pair.First.Write(TestFrames.Make(900, 6)));

        FuseProtocolException error = Assert.Throws<FuseProtocolException>(() => pair.Second.ReadFrame(buffer));
        Assert.Equal(FuseProtocolRule.LengthAboveMaximum, error.Rule);
        Assert.Equal(50_000, error.Error.Actual);
        Assert.Equal(1000, error.Error.Expected);
        Assert.Equal(5ul, error.Unique);
        Assert.Empty(pool.Rents);
        Assert.False(pair.Second.IsDisconnected);

        Assert.Equal(FuseReadStatus.Frame, pair.Second.ReadFrame(buffer));
        Assert.Equal(6ul, TestFrames.Check(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData(TransportPair.UnixStream)]
    [InlineData(TransportPair.SeqPacket)]
    public void Reading_and_writing_frames_allocates_nothing_in_steady_state(string kind)
    {
        using TransportPair pair = TransportPair.Create(kind);
        byte[] small = TestFrames.Make(80, 1);
        byte[] large = TestFrames.Make(200_000, 2);
        byte[] buffer = new byte[FuseProtocol.DefaultMaxFrameLength];
        using FuseFrameBuffer frameBuffer = new();
        void Round()
        {
            for (int i = 0; i < 8; i++)
            {
                _ = pair.First.Write(small);
            }

            for (int i = 0; i < 8; i++)
            {
                _ = pair.Second.Read(buffer, out _);
            }

            _ = pair.First.Write(large);
            _ = pair.Second.ReadFrame(frameBuffer);
            _ = pair.Second.WriteFrame(frameBuffer);
            _ = pair.First.Read(buffer, out _);
        }

        Assert.Equal(0, SteadyState.LeastAllocated(Round, warmup: 20, rounds: 200));
        Assert.Equal(2ul, TestFrames.Check(buffer.AsSpan(0, 200_000)));
    }

    internal static FuseReadStatus ReadBounded(FuseTransport transport, byte[] buffer, out int length)
    {
        Task<(FuseReadStatus Status, int Length)> read = Task.Factory.StartNew(
            () => (transport.Read(buffer, out int n), n), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(read.Wait(Timeout), "no frame within 10 s");
        length = read.Result.Length;
        return read.Result.Status;
    }

    /// <summary>A raw stream socket for the test to write anything with, and a transport on the other end.</summary>
    private static (Socket Peer, FuseStreamTransport Transport) RawPeer(int maxFrameLength = (int)FuseProtocol.DefaultMaxFrameLength)
    {
        (Socket peer, Socket other) = FuseSocketTransport.CreateSocketPair(SocketType.Stream);
        return (peer, new FuseStreamTransport(other, maxFrameLength));
    }
}
