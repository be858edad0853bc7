using System;
using System.Buffers;
using FuseWire.Buffers;

namespace FuseWire.Client;

/// <summary>
/// One request frame waiting in the client's send queue: a pooled <see cref="FuseFrameBuffer"/> (puffs_framebuf's role) the frame is written into
/// synchronously, so callers may pass spans, and the link to the next frame.
/// </summary>
/// <remarks>The buffer keeps its memory from one frame to the next, as <c>puffs_framebuf_recycle</c> does, up to <see cref="KeptCapacity"/>; a
/// larger frame's memory (a big WRITE) goes back to the array pool when the frame is recycled, so the pool of frames does not hold megabytes.</remarks>
internal sealed class FuseOutgoingFrame : IBufferWriter<byte>, IDisposable
{
    /// <summary>The memory a frame starts with: every fixed-size request fits.</summary>
    internal const int InitialCapacity = 4096;

    /// <summary>The most memory a recycled frame keeps.</summary>
    internal const int KeptCapacity = 64 * 1024;

    private readonly int _maxLength;
    private FuseFrameBuffer _buffer;

    internal FuseOutgoingFrame(int maxLength)
    {
        _maxLength = maxLength;
        _buffer = new FuseFrameBuffer(maxLength, InitialCapacity);
    }

    /// <summary>The next frame in the queue.</summary>
    internal FuseOutgoingFrame? Next { get; set; }

    /// <summary>The request this frame carries, when it awaits a reply.</summary>
    internal FuseClientRequest? Request { get; set; }

    /// <summary>The frame written so far.</summary>
    internal ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public void Advance(int count) => _buffer.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0) => _buffer.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => _buffer.GetSpan(sizeHint);

    /// <summary>Returns the memory to the array pool.</summary>
    public void Dispose() => _buffer.Dispose();

    /// <summary>Empties the frame for the next request, keeping its memory unless a large frame grew it.</summary>
    internal void Reset()
    {
        if (_buffer.Capacity > KeptCapacity)
        {
            _buffer.Dispose();
            _buffer = new FuseFrameBuffer(_maxLength, InitialCapacity);
        }
        else
        {
            _buffer.Recycle();
        }

        Next = null;
        Request = null;
    }
}
