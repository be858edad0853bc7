using System;
using System.Buffers;

namespace FuseWire.Client;

/// <summary>
/// One request frame waiting in the client's send queue: a pooled buffer the frame is written into synchronously (so callers may pass spans),
/// and the link to the next frame. A frame larger than the buffer rents a bigger array, given back when the frame is recycled.
/// </summary>
internal sealed class FuseOutgoingFrame : IBufferWriter<byte>
{
    /// <summary>The size of each frame's own buffer: every fixed-size request fits.</summary>
    internal const int OwnBufferSize = 4096;

    private readonly byte[] _own = new byte[OwnBufferSize];
    private byte[] _buffer;
    private int _written;

    internal FuseOutgoingFrame() => _buffer = _own;

    /// <summary>The next frame in the queue.</summary>
    internal FuseOutgoingFrame? Next { get; set; }

    /// <summary>The request this frame carries, when it awaits a reply.</summary>
    internal FuseClientRequest? Request { get; set; }

    /// <summary>The frame written so far.</summary>
    internal ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Empties the frame and gives a rented buffer back.</summary>
    internal void Reset()
    {
        if (!ReferenceEquals(_buffer, _own))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = _own;
        }

        _written = 0;
        Next = null;
        Request = null;
    }

    private void Ensure(int sizeHint)
    {
        int needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        byte[] bigger = ArrayPool<byte>.Shared.Rent(needed);
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        if (!ReferenceEquals(_buffer, _own))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = bigger;
    }
}
