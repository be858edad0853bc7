using System;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Transports;

namespace FuseWire.Sessions;

/// <summary>One serving thread's state: its descriptor, its request buffer and its reply sink, all reused.</summary>
internal sealed class FuseWorker
{
    private long _current;

    public FuseWorker(FuseTransport device, int bufferSize, FuseFrameObserver? observer, bool ownsDevice)
    {
        Device = device;
        OwnsDevice = ownsDevice;
        RequestBuffer = new byte[Math.Max(bufferSize, FuseConstants.MinReadBuffer)];
        Reply = new FuseReplySink(device, RequestBuffer.Length, observer);
    }

    public FuseTransport Device { get; }

    public bool OwnsDevice { get; }

    public byte[] RequestBuffer { get; }

    public FuseReplySink Reply { get; }

    /// <summary>The unique being served, 0 when idle (read by the thread that handles INTERRUPT).</summary>
    public ulong Current
    {
        get => (ulong)Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, (long)value);
    }

    /// <summary>Publishes the unique about to be served with a full fence, so that reading the pending interrupts next cannot
    /// be reordered before it.</summary>
    /// <param name="unique">The request's unique.</param>
    public void Begin(ulong unique) => Interlocked.Exchange(ref _current, (long)unique);
}
