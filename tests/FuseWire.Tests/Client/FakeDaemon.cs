using System;
using System.Buffers;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>A hand-written daemon on the other end of the client's socketpair: reads request frames and writes whatever frames a test wants, good or bad.</summary>
internal sealed class FakeDaemon : IDisposable
{
    private readonly byte[] _buffer = new byte[(1 << 20) + 8192];

    public FakeDaemon(FuseTransport transport) => Transport = transport;

    public FuseTransport Transport { get; }

    public FuseProtocol Protocol { get; set; } = FuseProtocol.Latest;

    public static (FuseTransport Kernel, FakeDaemon Daemon) CreatePair()
    {
        (FuseSocketTransport kernel, FuseSocketTransport daemon) = FuseSocketTransport.CreatePair();
        return (kernel, new FakeDaemon(daemon));
    }

    /// <summary>Reads the next request frame, failing after the harness timeout.</summary>
    public byte[] ReadFrame()
    {
        Task<byte[]> read = Task.Run(() =>
        {
            FuseReadStatus status = Transport.Read(_buffer, out int length);
            Assert.Equal(FuseReadStatus.Frame, status);
            return _buffer.AsSpan(0, length).ToArray();
        });
        Assert.True(read.Wait(ClientHarness.Timeout), "no request frame came");
        return read.Result;
    }

    /// <summary>Reads the next request, checking its opcode.</summary>
    public byte[] Expect(FuseOpcode opcode)
    {
        byte[] frame = ReadFrame();
        Assert.Equal(opcode, FuseRequest.Parse(frame, Protocol).Opcode);
        return frame;
    }

    public static ulong UniqueOf(byte[] frame) => FuseRequest.Parse(frame, FuseProtocol.Latest).Unique;

    /// <summary>Answers the INIT request that <paramref name="request"/> is with <paramref name="reply"/>'s fields.</summary>
    public void AnswerInit(byte[] request, FuseInitOut reply)
    {
        Send(output => FuseReplyWriter.WriteInit(output, UniqueOf(request), reply));
        Protocol = new FuseProtocol(Math.Min(reply.Minor, 45u), FuseProtocol.FlagsOf(reply));
    }

    public void Send(Func<IBufferWriter<byte>, int> write)
    {
        ArrayBufferWriter<byte> output = new();
        _ = write(output);
        SendRaw(output.WrittenSpan);
    }

    public void SendRaw(ReadOnlySpan<byte> frame) => Assert.Equal(0, Transport.Write(frame));

    public void Dispose() => Transport.Dispose();
}
