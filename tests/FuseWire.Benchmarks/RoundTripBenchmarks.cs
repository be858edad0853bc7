using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Sessions;
using FuseWire.Transports;
using MemFs;

namespace FuseWire.Benchmarks;

/// <summary>
/// Whole round trips with both roles of the library: <see cref="FuseClient"/> (the kernel's side) and <see cref="FuseSession"/> serving MemFs, over a
/// SOCK_SEQPACKET socketpair. Each invocation runs <see cref="RoundTrips"/> awaited requests in one async method, so the numbers are per round trip.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RoundTripBenchmarks : IDisposable
{
    /// <summary>Round trips per invocation.</summary>
    public const int RoundTrips = 1000;

    private const int ReadSize = 128 * 1024;

    private FuseClient? _client;
    private FuseSocketTransport? _daemon;
    private Task? _session;
    private ulong _file;
    private ulong _handle;
    private readonly byte[] _buffer = new byte[ReadSize];

    /// <summary>Starts the session and the client, negotiates INIT and writes a 128 KiB file.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (FuseSocketTransport kernel, FuseSocketTransport daemon) = FuseSocketTransport.CreatePair();
        _daemon = daemon;
        _session = new FuseSession(daemon, new MemFileSystem()).RunAsync();
        _client = new FuseClient(kernel);
        _ = _client.InitAsync().AsTask().GetAwaiter().GetResult();
        FuseCreateResult created = _client.CreateAsync(FuseConstants.RootId, "data", 2, 0x81A4).AsTask().GetAwaiter().GetResult();
        _file = created.Entry.NodeId;
        _handle = created.Open.Fh;
        byte[] content = new byte[ReadSize];
        new Random(42).NextBytes(content);
        if (_client.WriteAsync(_file, _handle, 0, content).AsTask().GetAwaiter().GetResult() != ReadSize)
        {
            throw new InvalidOperationException("The benchmark file was not written whole.");
        }
    }

    /// <summary>Ends the client (which ends the session).</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _ = _session?.Wait(TimeSpan.FromSeconds(10));
        _daemon?.Dispose();
    }

    /// <summary>Ends the client and the session, as <see cref="Cleanup"/> does.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>GETATTR of the root: request written into a pooled frame, reply validated and decoded into <see cref="FuseAttrOut"/>.</summary>
    /// <returns>The last inode number.</returns>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task<ulong> GetAttr()
    {
        ulong ino = 0;
        for (int i = 0; i < RoundTrips; i++)
        {
            ino = (await _client!.GetAttrAsync(FuseConstants.RootId).ConfigureAwait(false)).Attr.Ino;
        }

        return ino;
    }

    /// <summary>READ of 128 KiB straight into the caller's buffer.</summary>
    /// <returns>The bytes read by the last request.</returns>
    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public async Task<int> Read128K()
    {
        int read = 0;
        Memory<byte> buffer = _buffer;
        for (int i = 0; i < RoundTrips; i++)
        {
            read = await _client!.ReadAsync(_file, _handle, 0, buffer).ConfigureAwait(false);
        }

        return read;
    }

    /// <summary>Ends the client and the session.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Cleanup();
        }
    }
}
