using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Sessions;

/// <summary>
/// A <see cref="FuseSession"/> served over a SOCK_SEQPACKET socketpair, with the test playing the kernel: it writes request
/// frames and reads replies, each bounded in time. Disposing closes the kernel's end, which ends the session.
/// </summary>
internal sealed class SessionHarness : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly FuseDevice _kernel;
    private readonly FuseDevice _daemon;
    private readonly byte[] _buffer = new byte[(1 << 20) + 8192];
    private ulong _unique = 100;

    public SessionHarness(FuseFileSystem fileSystem, FuseSessionOptions? options = null)
    {
        (int first, int second) = SocketPair.Create();
        _daemon = FuseDevice.FromDescriptor(first);
        _kernel = FuseDevice.FromDescriptor(second);
        Session = new FuseSession(_daemon, fileSystem, options);
        Running = Session.RunAsync();
    }

    public FuseSession Session { get; }

    public Task Running { get; }

    public ulong NextUnique() => Interlocked.Increment(ref _unique);

    /// <summary>Sends INIT as a 7.45 kernel offering <paramref name="offered"/>, and returns the reply.</summary>
    public FuseInitOut Init(FuseInitFlags offered, uint minor = 45)
    {
        FuseProtocol.Split(offered, out uint low, out uint high);
        FuseInitIn init = new() { Major = 7, Minor = minor, MaxReadahead = 128 * 1024, Flags = low, Flags2 = high };
        ulong unique = NextUnique();
        Send(FuseOpcode.Init, unique, 0, FuseProtocol.Initial, init);
        byte[] reply = Receive();
        return FuseReply.Parse(reply, new FuseReplyContext(FuseOpcode.Init, unique), FuseProtocol.Initial, FuseWire.Validation.FuseReplyStrictness.Strict)
            .GetArgument<FuseInitOut>();
    }

    public void Send<TArg>(FuseOpcode opcode, ulong unique, ulong nodeId, in FuseProtocol protocol, in TArg arg, ReadOnlySpan<byte> name = default, ReadOnlySpan<byte> name2 = default, ReadOnlySpan<byte> data = default)
        where TArg : unmanaged
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 42 };
        _ = FuseRequestWriter.Write(output, protocol, header, arg, name, name2, data);
        SendRaw(output.WrittenSpan);
    }

    public void SendNoArg(FuseOpcode opcode, ulong unique, ulong nodeId, ReadOnlySpan<byte> name = default)
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = nodeId };
        _ = FuseRequestWriter.Write(output, Session.Protocol, header, default, name);
        SendRaw(output.WrittenSpan);
    }

    public void SendRaw(ReadOnlySpan<byte> frame) => Assert.Equal(0, _kernel.Write(frame));

    /// <summary>Reads the next frame from the daemon, failing after 10 s.</summary>
    public byte[] Receive()
    {
        Task<byte[]> read = Task.Run(() =>
        {
            FuseReadStatus status = _kernel.Read(_buffer, out int length);
            Assert.Equal(FuseReadStatus.Frame, status);
            return _buffer.AsSpan(0, length).ToArray();
        });
        Assert.True(read.Wait(Timeout), "no frame from the daemon within 10 s");
        return read.Result;
    }

    /// <summary>Reads the next frame on the calling thread, with no time limit: for callers that bound the whole exchange.</summary>
    public byte[] ReceiveDirect()
    {
        Assert.Equal(FuseReadStatus.Frame, _kernel.Read(_buffer, out int length));
        return _buffer.AsSpan(0, length).ToArray();
    }

    /// <summary>Reads the next frame as a reply to <paramref name="opcode"/> <paramref name="unique"/>.</summary>
    public byte[] ReceiveReply(FuseOpcode opcode, ulong unique, uint size = 0)
    {
        byte[] frame = Receive();
        _ = FuseReply.Parse(frame, new FuseReplyContext(opcode, unique, size), Session.Protocol, FuseWire.Validation.FuseReplyStrictness.Strict);
        return frame;
    }

    /// <summary>Runs <paramref name="exchange"/> (round trips read straight off the socket) on a thread of its own, failing
    /// if it throws or outlasts <paramref name="limit"/>; disposing the harness then ends the reads it left waiting.</summary>
    public static void Bounded(TimeSpan limit, Action exchange)
    {
        Exception? failed = null;
        Thread thread = new(() =>
        {
            try
            {
                exchange();
            }
            catch (Exception e)
            {
                failed = e;
            }
        })
        {
            IsBackground = true,
        };
        thread.Start();
        Assert.True(thread.Join(limit), $"the round trips did not end within {limit.TotalSeconds} s");
        if (failed is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        }
    }

    public bool WaitForEnd(TimeSpan timeout) => Running.Wait(timeout);

    public void Dispose()
    {
        _kernel.Dispose();
        bool ended = Running.Wait(Timeout);
        _daemon.Dispose();
        Assert.True(ended, "the session did not end within 10 s of the kernel's end closing");
    }
}
