using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>
/// A <see cref="FuseSession"/> served over one end of a transport pair (Unix stream, TCP, SOCK_SEQPACKET), with the test playing
/// the kernel on the other end: it writes request frames and reads replies, each wait bounded. Disposing closes the kernel's end,
/// which ends the session.
/// </summary>
internal sealed class StreamSessionHarness : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TransportPair _pair;
    private readonly byte[] _buffer = new byte[FuseProtocol.DefaultMaxFrameLength];
    private readonly ArrayBufferWriter<byte> _output = new();
    private ulong _unique = 100;

    public StreamSessionHarness(string kind, FuseFileSystem fileSystem, FuseSessionOptions? options = null)
    {
        _pair = TransportPair.Create(kind);
        Session = new FuseSession(Daemon, fileSystem, options);
        Running = Session.RunAsync();
    }

    public FuseTransport Kernel => _pair.First;

    public FuseTransport Daemon => _pair.Second;

    public FuseSession Session { get; }

    public Task Running { get; }

    public ulong NextUnique() => Interlocked.Increment(ref _unique);

    public FuseInitOut Init(FuseInitFlags offered)
    {
        FuseProtocol.Split(offered, out uint low, out uint high);
        FuseInitIn init = new() { Major = 7, Minor = 45, MaxReadahead = 128 * 1024, Flags = low, Flags2 = high };
        ulong unique = NextUnique();
        Send(FuseOpcode.Init, unique, 0, FuseProtocol.Initial, init);
        return FuseReply.Parse(Receive(), new FuseReplyContext(FuseOpcode.Init, unique), FuseProtocol.Initial, FuseReplyStrictness.Strict)
            .GetArgument<FuseInitOut>();
    }

    public void Send<TArg>(FuseOpcode opcode, ulong unique, ulong nodeId, in FuseProtocol protocol, in TArg arg, ReadOnlySpan<byte> name = default)
        where TArg : unmanaged
    {
        _output.ResetWrittenCount();
        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 42 };
        _ = FuseRequestWriter.Write(_output, protocol, header, arg, name);
        Assert.Equal(0, Kernel.Write(_output.WrittenSpan));
    }

    public void SendLookup(ulong unique, ulong parent, ReadOnlySpan<byte> name)
    {
        _output.ResetWrittenCount();
        _ = FuseRequestWriter.WriteLookup(_output, new FuseInHeader { Unique = unique, NodeId = parent }, name);
        Assert.Equal(0, Kernel.Write(_output.WrittenSpan));
    }

    /// <summary>Reads the next frame from the daemon, failing after 10 s; valid until the next call.</summary>
    public ReadOnlySpan<byte> Receive()
    {
        Assert.Equal(FuseReadStatus.Frame, FuseStreamTransportTests.ReadBounded(Kernel, _buffer, out int length));
        return _buffer.AsSpan(0, length);
    }

    public void Dispose()
    {
        Kernel.Dispose();
        // The session may have ended with an error a test expects; only whether it ended matters here.
        bool ended = ((IAsyncResult)Running).AsyncWaitHandle.WaitOne(Timeout);
        Daemon.Dispose();
        Assert.True(ended, "the session did not end within 10 s of the kernel's end closing");
    }
}
