using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Proxy;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Proxy;

/// <summary>
/// A <see cref="FuseProxy"/> between two SOCK_SEQPACKET socketpairs, the test playing the kernel on one and the daemon on the
/// other; every read is bounded in time, and disposing closes everything.
/// </summary>
internal sealed class ProxyHarness : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly byte[] _kernelBuffer = new byte[(4 << 20) + 8192];
    private readonly byte[] _daemonBuffer = new byte[(4 << 20) + 8192];

    public ProxyHarness(Func<FuseProxyObserver?, FuseProxyObserver?>? wrap = null, int bufferSize = FuseSocketTransport.DefaultBufferSize, TimeSpan spin = default)
    {
        (FuseSocketTransport kernelEnd, FuseSocketTransport proxyKernelEnd) = FuseSocketTransport.CreatePair(bufferSize);
        (FuseSocketTransport proxyDaemonEnd, FuseSocketTransport daemonEnd) = FuseSocketTransport.CreatePair(bufferSize);
        Kernel = kernelEnd;
        Daemon = daemonEnd;
        FuseProxyObserver record = (in FuseProxyFrame frame) => Frames.Enqueue(new ObservedFrame(frame));
        Proxy = new FuseProxy(proxyKernelEnd, proxyDaemonEnd, new FuseProxyOptions { Observer = wrap is null ? record : wrap(record), SpinBeforeBlocking = spin });
        Proxy.Start();
    }

    public FuseSocketTransport Kernel { get; }

    public FuseSocketTransport Daemon { get; }

    public FuseProxy Proxy { get; }

    public ConcurrentQueue<ObservedFrame> Frames { get; } = new();

    public static byte[] Request<TArg>(FuseOpcode opcode, ulong unique, ulong nodeId, in FuseProtocol protocol, in TArg arg, ReadOnlySpan<byte> name = default)
        where TArg : unmanaged
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 42 };
        _ = FuseRequestWriter.Write(output, protocol, header, arg, name);
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Reply(Func<IBufferWriter<byte>, int> write)
    {
        ArrayBufferWriter<byte> output = new();
        _ = write(output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Plays INIT through the proxy: the kernel offers 7.45 with <paramref name="offered"/>, the daemon answers
    /// <paramref name="daemonMinor"/> with <paramref name="accepted"/>; returns what the kernel received.</summary>
    public byte[] Init(FuseInitFlags offered, FuseInitFlags accepted, uint daemonMinor = 45, uint maxWrite = 128 * 1024)
    {
        FuseProtocol.Split(offered, out uint low, out uint high);
        FuseInitIn init = new() { Major = 7, Minor = 45, MaxReadahead = 128 * 1024, Flags = low, Flags2 = high };
        byte[] request = Request(FuseOpcode.Init, 2, 0, FuseProtocol.Initial, init);
        SendFromKernel(request);
        Assert.Equal(request, ReceiveAtDaemon());
        FuseProtocol.Split(accepted, out uint outLow, out uint outHigh);
        FuseInitOut answer = new() { Major = 7, Minor = daemonMinor, MaxReadahead = 128 * 1024, Flags = outLow, Flags2 = outHigh, MaxWrite = maxWrite, MaxPages = (ushort)(maxWrite / 4096) };
        byte[] reply = Reply(o => FuseReplyWriter.WriteInit(o, 2, answer));
        SendFromDaemon(reply);
        return ReceiveAtKernel();
    }

    public void SendFromKernel(ReadOnlySpan<byte> frame) => Assert.Equal(0, Kernel.Write(frame));

    public void SendFromDaemon(ReadOnlySpan<byte> frame) => Assert.Equal(0, Daemon.Write(frame));

    public byte[] ReceiveAtDaemon() => Receive(Daemon, _daemonBuffer);

    public byte[] ReceiveAtKernel() => Receive(Kernel, _kernelBuffer);

    /// <summary>Whether a frame reaches the kernel within <paramref name="wait"/> (false: nothing came; the read is abandoned
    /// only by disposing the harness).</summary>
    public bool KernelReceivesWithin(TimeSpan wait, out byte[] frame)
    {
        Task<byte[]> read = Task.Run(() => ReadOne(Kernel, _kernelBuffer));
        bool arrived = read.Wait(wait);
        frame = arrived ? read.Result : [];
        return arrived;
    }

    /// <summary>Waits (10 s at most) for the proxy to end and says which side ended it.</summary>
    public FuseProxyExit WaitForEnd()
    {
        Assert.True(Proxy.Completion.Wait(Timeout), "the proxy did not end within 10 s");
        return Proxy.Completion.Result;
    }

    /// <summary>Reads once at the daemon's end (10 s at most) and returns the status, whatever it is.</summary>
    public FuseReadStatus ReadStatusAtDaemon()
    {
        Task<FuseReadStatus> read = Task.Run(() => Daemon.Read(_daemonBuffer, out _));
        Assert.True(read.Wait(Timeout), "the daemon's read did not end within 10 s");
        return read.Result;
    }

    public void Dispose()
    {
        Kernel.Dispose();
        Daemon.Dispose();
        Proxy.Dispose();
    }

    private static byte[] Receive(FuseTransport transport, byte[] buffer)
    {
        Task<byte[]> read = Task.Run(() => ReadOne(transport, buffer));
        Assert.True(read.Wait(Timeout), "no frame within 10 s");
        return read.Result;
    }

    private static byte[] ReadOne(FuseTransport transport, byte[] buffer)
    {
        FuseReadStatus status = transport.Read(buffer, out int length);
        Assert.Equal(FuseReadStatus.Frame, status);
        return buffer.AsSpan(0, length).ToArray();
    }
}
