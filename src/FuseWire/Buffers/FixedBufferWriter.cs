using System;
using System.Buffers;

namespace FuseWire.Buffers;

/// <summary>An <see cref="IBufferWriter{T}"/> over one buffer it does not own, reset for each frame: no allocation, no growth.</summary>
internal sealed class FixedBufferWriter : IBufferWriter<byte>
{
    private readonly Memory<byte> _buffer;
    private int _written;

    public FixedBufferWriter(Memory<byte> buffer)
    {
        _buffer = buffer;
    }

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.Span[.._written];

    /// <summary>The whole underlying buffer.</summary>
    public Span<byte> Buffer => _buffer.Span;

    /// <summary>The underlying buffer's size.</summary>
    public int Capacity => _buffer.Length;

    public void Reset() => _written = 0;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        CheckRoom(sizeHint);
        return _buffer[_written..];
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        CheckRoom(sizeHint);
        return _buffer.Span[_written..];
    }

    private void CheckRoom(int sizeHint)
    {
        if (sizeHint > _buffer.Length - _written)
        {
            throw new InvalidOperationException($"A frame of {sizeHint} bytes does not fit the {_buffer.Length}-byte reply buffer.");
        }
    }
}
