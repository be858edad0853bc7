using System;
using System.Buffers;
using System.IO;
using System.Net.Sockets;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>SOCK_SEQPACKET: one message per frame, buffers sized for several maximum frames, cut messages reported.</summary>
public sealed class FuseSocketTransportTests
{
    [Fact]
    public void A_1_MiB_write_request_crosses_a_pair_in_one_message()
    {
        (FuseSocketTransport kernel, FuseSocketTransport daemon) = FuseSocketTransport.CreatePair();
        using FuseSocketTransport first = kernel;
        using FuseSocketTransport second = daemon;
        byte[] data = new byte[1 << 20];
        new Random(7).NextBytes(data);
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = FuseOpcode.Write, Unique = 12, NodeId = 2 };
        int written = FuseRequestWriter.Write(output, FuseProtocol.Latest, header, new FuseWriteIn { Fh = 1, Size = (uint)data.Length }, data: data);
        Assert.Equal((1 << 20) + FuseInHeader.StructSize + FuseWriteIn.StructSize, written);

        Assert.Equal(0, first.Write(output.WrittenSpan));

        byte[] buffer = new byte[FuseProtocol.DefaultMaxFrameLength];
        Assert.Equal(FuseReadStatus.Frame, FuseStreamTransportTests.ReadBounded(second, buffer, out int length));
        Assert.Equal(written, length);
        FuseRequest request = FuseRequest.Parse(buffer.AsSpan(0, length), FuseProtocol.Latest);
        Assert.True(request.Data.SequenceEqual(data));
    }

    [Fact]
    public void A_message_longer_than_the_readers_buffer_is_cut_and_reported_and_the_next_one_is_whole()
    {
        (FuseSocketTransport kernel, FuseSocketTransport daemon) = FuseSocketTransport.CreatePair();
        using FuseSocketTransport first = kernel;
        using FuseSocketTransport second = daemon;
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = FuseOpcode.Write, Unique = 31, NodeId = 2 };
        _ = FuseRequestWriter.Write(output, FuseProtocol.Latest, header, new FuseWriteIn { Size = 2000 }, data: new byte[2000]);
        Assert.Equal(0, first.Write(output.WrittenSpan));
        Assert.Equal(0, first.Write(TestFrames.Make(64, 32)));

        byte[] buffer = new byte[1000];
        Assert.Equal(FuseReadStatus.Frame, FuseStreamTransportTests.ReadBounded(second, buffer, out int length));
        Assert.Equal(1000, length);
        Assert.False(FuseRequest.TryParse(buffer.AsSpan(0, length), FuseProtocol.Latest, out _, out FuseProtocolError error));
        Assert.Equal(FuseProtocolRule.LengthMismatch, error.Rule);
        Assert.Equal(31ul, error.Unique);

        Assert.Equal(FuseReadStatus.Frame, FuseStreamTransportTests.ReadBounded(second, buffer, out length));
        Assert.Equal(32ul, TestFrames.Check(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void A_frame_larger_than_the_send_buffer_fails_with_emsgsize()
    {
        (Socket a, Socket b) = FuseSocketTransport.CreateSocketPair(SocketType.Seqpacket, bufferSize: 4096);
        using FuseSocketTransport first = new(a);
        using FuseSocketTransport second = new(b);

        IOException error = Assert.Throws<IOException>(() => first.Write(TestFrames.Make(1 << 20, 1)));
        Assert.Contains("EMSGSIZE", error.Message, StringComparison.Ordinal);
        Assert.False(first.IsDisconnected);
        Assert.Equal(0, first.Write(TestFrames.Make(1000, 2)));
    }
}
