using System;
using System.IO;
using System.Net.Sockets;
using FuseWire.Buffers;
using FuseWire.Tests.Buffers;
using FuseWire.Tests.Sessions;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>Edges of framing: a stream that ends inside a frame, and the default frame-buffer read of a transport that cannot say
/// how long the next frame is (/dev/fuse, here a descriptor standing in for it).</summary>
public sealed class FrameEdgeTests
{
    [Fact]
    public void A_stream_that_ends_inside_a_frame_ends_the_connection_without_a_frame()
    {
        (Socket peer, Socket other) = FuseSocketTransport.CreateSocketPair(SocketType.Stream);
        using Socket raw = peer;
        using FuseStreamTransport reader = new(other);
        byte[] frame = TestFrames.Make(100, 3);
        raw.Send(frame.AsSpan(0, 60));
        raw.Shutdown(SocketShutdown.Send);

        Assert.Equal(FuseReadStatus.Unmounted, FuseStreamTransportTests.ReadBounded(reader, new byte[4096], out int length));
        Assert.Equal(0, length);
        Assert.True(reader.IsDisconnected);
    }

    [Fact]
    public void Connect_and_accept_work_on_a_unix_socket_path_and_see_each_others_credentials()
    {
        string path = Path.Combine(Path.GetTempPath(), "fusewire-" + Guid.NewGuid().ToString("N")[..12] + ".sock");
        try
        {
            using Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(1);
            using FuseStreamTransport client = FuseStreamTransport.Connect(new UnixDomainSocketEndPoint(path));
            using FuseStreamTransport server = FuseStreamTransport.Accept(listener);

            Assert.Equal(0, client.Write(TestFrames.Make(64, 4)));
            Assert.Equal(FuseReadStatus.Frame, FuseStreamTransportTests.ReadBounded(server, new byte[128], out int length));
            Assert.Equal(64, length);
            Assert.Equal(Environment.ProcessId, server.GetPeerCredentials().ProcessId);
            Assert.Equal(Environment.ProcessId, client.GetPeerCredentials().ProcessId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_device_reads_a_frame_into_a_buffer_of_its_maximum_and_keeps_only_the_frame()
    {
        (int first, int second) = SocketPair.Create();
        using FuseDevice kernel = FuseDevice.FromDescriptor(first);
        using FuseDevice daemon = FuseDevice.FromDescriptor(second);
        TrackingArrayPool pool = new();
        using FuseFrameBuffer buffer = new(maxLength: 8192, pool: pool);
        buffer.Write(new byte[300]);

        Assert.Equal(0, kernel.Write(TestFrames.Make(120, 9)));
        Assert.Equal(FuseReadStatus.Frame, daemon.ReadFrame(buffer));

        Assert.Equal(120, buffer.Length);
        Assert.Equal(0, buffer.Position);
        Assert.Equal(9ul, TestFrames.Check(buffer.WrittenSpan));
        Assert.Equal(8192, buffer.Capacity);
        Assert.Equal(0, daemon.WriteFrame(buffer));
        byte[] back = new byte[8192];
        Assert.Equal(FuseReadStatus.Frame, FuseStreamTransportTests.ReadBounded(kernel, back, out int length));
        Assert.Equal(9ul, TestFrames.Check(back.AsSpan(0, length)));
    }
}
