using System;
using System.Buffers;

namespace FuseWire.Benchmarks;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over one fixed array, rewound by <see cref="Reset"/>, so encoding benchmarks measure the codec and not buffer growth.
/// </summary>
public sealed class ResettableBufferWriter : IBufferWriter<byte>
{
    private readonly byte[] _buffer;
    private int _written;

    /// <summary>Creates a writer over a new array of <paramref name="capacity"/> bytes.</summary>
    /// <param name="capacity">The largest frame it can take.</param>
    public ResettableBufferWriter(int capacity) => _buffer = new byte[capacity];

    /// <summary>The bytes written since the last reset.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>The count of bytes written since the last reset.</summary>
    public int WrittenCount => _written;

    /// <summary>Rewinds to the start of the array.</summary>
    public void Reset() => _written = 0;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_buffer.Length - _written))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    /// <inheritdoc/>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return _buffer.AsMemory(_written);
    }

    /// <inheritdoc/>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void EnsureRoom(int sizeHint)
    {
        if (sizeHint > _buffer.Length - _written)
        {
            throw new InvalidOperationException("The fixed benchmark buffer is full; call Reset.");
        }
    }
}
