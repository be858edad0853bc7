using System;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Transports;

namespace FuseWire.Sessions;

/// <summary>One serving thread's state: its descriptor, its request buffer and its reply sink, all reused. Both buffers live
/// outside the managed heap, laid out so that the payload the kernel copies page by page starts a page: a WRITE's data in the
/// request buffer, a reply's data in the reply buffer.</summary>
internal sealed class FuseWorker : IDisposable
{
    private readonly PageAlignedBuffer _requestBuffer;
    private readonly PageAlignedBuffer _replyBuffer;
    private long _current;

    public FuseWorker(FuseTransport device, int bufferSize, FuseFrameObserver? observer, bool ownsDevice)
    {
        Device = device;
        OwnsDevice = ownsDevice;
        int size = Math.Max(bufferSize, FuseConstants.MinReadBuffer);
        _requestBuffer = new PageAlignedBuffer(size, FuseInHeader.StructSize + FuseWriteIn.StructSize);
        _replyBuffer = new PageAlignedBuffer(size, FuseOutHeader.StructSize);
        Reply = new FuseReplySink(device, _replyBuffer.Memory, observer);
    }

    public FuseTransport Device { get; }

    public bool OwnsDevice { get; }

    public Memory<byte> RequestBuffer => _requestBuffer.Memory;

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

    /// <summary>Frees both buffers; called by the worker's own thread once it has stopped serving.</summary>
    public void Dispose()
    {
        ((IDisposable)_requestBuffer).Dispose();
        ((IDisposable)_replyBuffer).Dispose();
    }
}
