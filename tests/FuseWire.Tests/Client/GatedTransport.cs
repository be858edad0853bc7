using System;
using System.Collections.Concurrent;
using System.Threading;
using FuseWire.Transports;

namespace FuseWire.Tests.Client;

/// <summary>Wraps a transport so a test can hold writes at a gate (to build up the client's send queue) and see the order frames leave in.</summary>
internal sealed class GatedTransport : FuseTransport
{
    private readonly FuseTransport _inner;

    public GatedTransport(FuseTransport inner) => _inner = inner;

    /// <summary>Open: writes pass. Reset it to hold the next write.</summary>
    public ManualResetEventSlim Gate { get; } = new(true);

    /// <summary>Set when a write is waiting at the closed gate.</summary>
    public ManualResetEventSlim Holding { get; } = new(false);

    public ConcurrentQueue<byte[]> Written { get; } = new();

    public override FuseReadStatus Read(Span<byte> buffer, out int bytesRead)
    {
        FuseReadStatus status = _inner.Read(buffer, out bytesRead);
        if (status == FuseReadStatus.Unmounted)
        {
            _ = ReportDisconnected();
        }

        return status;
    }

    public override int Write(ReadOnlySpan<byte> frame)
    {
        if (!Gate.IsSet)
        {
            Holding.Set();
            _ = Gate.Wait(TimeSpan.FromSeconds(10));
        }

        Written.Enqueue(frame.ToArray());
        return _inner.Write(frame);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Gate.Set();
            _inner.Dispose();
        }
    }
}
