using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommunityToolkit.HighPerformance.Buffers;
using FuseWire.Protocol;

namespace FuseWire.Buffers;

/// <summary>
/// A pooled buffer for one frame with a cursor, as NetBSD's <c>puffs_framebuf(3)</c>: put and get bytes or structs at the cursor
/// or at an offset, take a direct window into the frame, reserve, seek, recycle for the next frame, and return the memory to the
/// pool on <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// <para>The <see cref="Length"/> is the highest offset written, as puffs' size; gets never read past it, and every byte below it
/// was either written or is zero: bytes skipped by a put at an offset past the end, or by a window, are cleared, so memory
/// reused from the pool never shows through.</para>
/// <para>Every length that would grow the buffer (a reservation, a seek, a put, a window) is checked against
/// <see cref="MaxLength"/> before any memory is rented, and fails with <see cref="ArgumentOutOfRangeException"/>; transports check
/// a peer's <c>len</c> against it before they reserve (<see cref="Transports.FuseTransport.ReadFrame"/>).</para>
/// <para>The buffer is an <see cref="IBufferWriter{T}"/> writing at the cursor, so the codec's writers
/// (<see cref="Codec.FuseRequestWriter"/>, <see cref="Codec.FuseReplyWriter"/>) compose frames straight into it. Memory comes from
/// an <see cref="ArrayPool{T}"/> through CommunityToolkit's <see cref="MemoryOwner{T}"/>; it grows by doubling, up to
/// <see cref="MaxLength"/>, and <see cref="Recycle"/> keeps it. Not thread-safe: one owner at a time.</para>
/// </remarks>
public sealed class FuseFrameBuffer : IBufferWriter<byte>, IDisposable
{
    private const int MinimumGrowth = 256;

    private readonly ArrayPool<byte> _pool;
    private MemoryOwner<byte>? _owner;
    private byte[] _array = [];
    private int _capacity;
    private int _position;
    private int _length;
    private bool _disposed;

    /// <summary>Creates an empty buffer; memory is rented on first use.</summary>
    /// <param name="maxLength">The largest frame the buffer may hold; by default a 1 MiB write plus a page of headers.</param>
    /// <param name="initialCapacity">Bytes to rent now (at most <paramref name="maxLength"/>).</param>
    /// <param name="pool">The pool to rent from; <see cref="ArrayPool{T}.Shared"/> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is not positive, or
    /// <paramref name="initialCapacity"/> is negative or above it.</exception>
    public FuseFrameBuffer(int maxLength = (int)FuseProtocol.DefaultMaxFrameLength, int initialCapacity = 0, ArrayPool<byte>? pool = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfNegative(initialCapacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initialCapacity, maxLength);
        MaxLength = maxLength;
        _pool = pool ?? ArrayPool<byte>.Shared;
        if (initialCapacity > 0)
        {
            _ = Grow(initialCapacity);
        }
    }

    /// <summary>The largest <see cref="Length"/> the buffer accepts.</summary>
    public int MaxLength { get; }

    /// <summary>The bytes held now without renting more.</summary>
    public int Capacity => _capacity;

    /// <summary>The cursor: where the next <see cref="Write"/> or <see cref="Read"/> happens (puffs_framebuf_telloff).</summary>
    public int Position => _position;

    /// <summary>The frame's length: the highest offset written (puffs_framebuf_tellsize).</summary>
    public int Length => _length;

    /// <summary>The bytes from the cursor to the end of the frame, or 0 when the cursor is past it (puffs_framebuf_remaining).</summary>
    public int Remaining => Math.Max(0, _length - _position);

    /// <summary>The frame: the bytes from offset 0 to <see cref="Length"/>; valid until the buffer next grows, is recycled or disposed.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _array.AsSpan(0, _length);

    /// <summary>Forgets the frame (cursor and length back to 0) and keeps the memory for the next one (puffs_framebuf_recycle).</summary>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void Recycle()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _position = 0;
        _length = 0;
    }

    /// <summary>Makes sure <paramref name="count"/> bytes from the cursor can be written without renting again
    /// (puffs_framebuf_reserve_space). The length does not change.</summary>
    /// <param name="count">The bytes needed from the cursor.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or the cursor plus it exceeds
    /// <see cref="MaxLength"/>; nothing is rented then.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void Reserve(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureCapacity(End(_position, count, nameof(count)));
    }

    /// <summary>Moves the cursor to <paramref name="offset"/>, which may be past the end: the length does not change, but memory for
    /// a write there is reserved (puffs_framebuf_seekset).</summary>
    /// <param name="offset">The new cursor, from 0 to <see cref="MaxLength"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or above <see cref="MaxLength"/>; nothing
    /// is rented then.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void Seek(int offset)
    {
        EnsureCapacity(End(offset, 0, nameof(offset)));
        _position = offset;
    }

    /// <summary>Writes bytes at the cursor and moves it past them (puffs_framebuf_putdata).</summary>
    /// <param name="data">The bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bytes would end past <see cref="MaxLength"/>; nothing is written.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        WriteAt(_position, data);
        _position += data.Length;
    }

    /// <summary>Writes bytes at an offset, which may be past the end, without moving the cursor (puffs_framebuf_putdata_atoff).</summary>
    /// <param name="offset">Where the bytes go.</param>
    /// <param name="data">The bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative, or the bytes would end past
    /// <see cref="MaxLength"/>; nothing is written.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void WriteAt(int offset, ReadOnlySpan<byte> data)
    {
        int end = End(offset, data.Length, nameof(offset));
        if (end > _capacity)
        {
            // The data may be this buffer's own bytes (WrittenSpan): the old memory goes back to the pool only after the copy.
            MemoryOwner<byte>? old = Grow(end);
            data.CopyTo(_array.AsSpan(offset));
            old?.Dispose();
        }
        else
        {
            data.CopyTo(_array.AsSpan(offset));
        }

        Commit(offset, end);
    }

    /// <summary>Writes a struct's bytes (host byte order, as FUSE is) at the cursor and moves it past them.</summary>
    /// <typeparam name="T">A blittable wire struct, such as <see cref="Abi.FuseInHeader"/>.</typeparam>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException">The struct would end past <see cref="MaxLength"/>.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void WriteValue<T>(in T value)
        where T : unmanaged
    {
        Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
    }

    /// <summary>Writes a struct's bytes at an offset without moving the cursor.</summary>
    /// <typeparam name="T">A blittable wire struct.</typeparam>
    /// <param name="offset">Where the struct goes.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative, or the struct would end past
    /// <see cref="MaxLength"/>.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void WriteValueAt<T>(int offset, in T value)
        where T : unmanaged
    {
        WriteAt(offset, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
    }

    /// <summary>Reads bytes at the cursor into <paramref name="destination"/> and moves the cursor past them (puffs_framebuf_getdata).</summary>
    /// <param name="destination">Where the bytes go; its length is how many to read.</param>
    /// <exception cref="EndOfStreamException">Fewer bytes than that lie between the cursor and <see cref="Length"/>; the cursor
    /// does not move.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void Read(Span<byte> destination)
    {
        if (!TryRead(destination))
        {
            ThrowPastEnd(_position, destination.Length);
        }
    }

    /// <summary>Reads bytes at the cursor if that many were written, and moves the cursor past them.</summary>
    /// <param name="destination">Where the bytes go; its length is how many to read.</param>
    /// <returns>Whether they were there; when not, nothing is read and the cursor does not move.</returns>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public bool TryRead(Span<byte> destination)
    {
        if (!TryReadAt(_position, destination))
        {
            return false;
        }

        _position += destination.Length;
        return true;
    }

    /// <summary>Reads bytes at an offset without moving the cursor (puffs_framebuf_getdata_atoff).</summary>
    /// <param name="offset">Where to read.</param>
    /// <param name="destination">Where the bytes go; its length is how many to read.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative.</exception>
    /// <exception cref="EndOfStreamException">The bytes would run past <see cref="Length"/>.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void ReadAt(int offset, Span<byte> destination)
    {
        if (!TryReadAt(offset, destination))
        {
            ThrowPastEnd(offset, destination.Length);
        }
    }

    /// <summary>Reads a struct at the cursor and moves the cursor past it.</summary>
    /// <typeparam name="T">A blittable wire struct.</typeparam>
    /// <returns>The value.</returns>
    /// <exception cref="EndOfStreamException">The struct would run past <see cref="Length"/>; the cursor does not move.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public T ReadValue<T>()
        where T : unmanaged
    {
        if (!TryReadValue(out T value))
        {
            ThrowPastEnd(_position, Unsafe.SizeOf<T>());
        }

        return value;
    }

    /// <summary>Reads a struct at the cursor if it was written, and moves the cursor past it.</summary>
    /// <typeparam name="T">A blittable wire struct.</typeparam>
    /// <param name="value">The value, or default.</param>
    /// <returns>Whether the struct's bytes were there; when not, the cursor does not move.</returns>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public bool TryReadValue<T>(out T value)
        where T : unmanaged
    {
        value = default;
        return TryRead(MemoryMarshal.AsBytes(new Span<T>(ref value)));
    }

    /// <summary>Reads a struct at an offset without moving the cursor.</summary>
    /// <typeparam name="T">A blittable wire struct.</typeparam>
    /// <param name="offset">Where the struct starts.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative.</exception>
    /// <exception cref="EndOfStreamException">The struct would run past <see cref="Length"/>.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public T ReadValueAt<T>(int offset)
        where T : unmanaged
    {
        T value = default;
        ReadAt(offset, MemoryMarshal.AsBytes(new Span<T>(ref value)));
        return value;
    }

    /// <summary>Returns a direct window of <paramref name="length"/> bytes at <paramref name="offset"/>, extending the frame to its
    /// end if it ends past <see cref="Length"/> (the new bytes are zero); the cursor does not move (puffs_framebuf_getwindow, which
    /// here always maps the whole window).</summary>
    /// <param name="offset">Where the window starts.</param>
    /// <param name="length">Its length.</param>
    /// <returns>The window, valid until the buffer next grows, is recycled or disposed.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative, or the window would end past <see cref="MaxLength"/>.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public Span<byte> GetWindow(int offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int end = End(offset, length, nameof(offset));
        EnsureCapacity(end);
        if (end > _length)
        {
            _array.AsSpan(_length, end - _length).Clear();
            _length = end;
        }

        return _array.AsSpan(offset, length);
    }

    /// <summary>Returns memory at the cursor for an <see cref="IBufferWriter{T}"/> writer to fill; <see cref="Advance"/> commits it.</summary>
    /// <param name="sizeHint">The bytes needed; 0 for some.</param>
    /// <returns>At least <paramref name="sizeHint"/> bytes (at least one when 0), up to <see cref="MaxLength"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">That would pass <see cref="MaxLength"/>.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        PrepareWrite(sizeHint);
        return _array.AsMemory(_position, _capacity - _position);
    }

    /// <summary>Returns a span at the cursor for an <see cref="IBufferWriter{T}"/> writer to fill; <see cref="Advance"/> commits it.</summary>
    /// <param name="sizeHint">The bytes needed; 0 for some.</param>
    /// <returns>At least <paramref name="sizeHint"/> bytes (at least one when 0), up to <see cref="MaxLength"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">That would pass <see cref="MaxLength"/>.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        PrepareWrite(sizeHint);
        return _array.AsSpan(_position, _capacity - _position);
    }

    /// <summary>Commits <paramref name="count"/> bytes written at the cursor into the last <see cref="GetSpan"/> or
    /// <see cref="GetMemory"/>, and moves the cursor past them.</summary>
    /// <param name="count">The bytes written.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than was handed out.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void Advance(int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _capacity - _position);
        Commit(_position, _position + count);
        _position += count;
    }

    /// <summary>Returns the memory to the pool; the buffer cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _owner?.Dispose();
        _owner = null;
        _array = [];
        _capacity = 0;
        _position = 0;
        _length = 0;
    }

    /// <summary>Starts receiving a frame of <paramref name="length"/> bytes: forgets the previous one and returns the memory to
    /// fill, whose old contents are not cleared (<see cref="EndFrame"/> makes only the bytes received visible).</summary>
    /// <param name="length">The frame's length, already checked against <see cref="MaxLength"/> by the caller.</param>
    /// <returns>The memory for the frame.</returns>
    internal Span<byte> BeginFrame(int length)
    {
        Recycle();
        EnsureCapacity(End(0, length, nameof(length)));
        return _array.AsSpan(0, length);
    }

    /// <summary>Ends receiving: the frame is the first <paramref name="length"/> bytes and the cursor is at its start.</summary>
    /// <param name="length">The bytes received.</param>
    internal void EndFrame(int length)
    {
        _length = length;
        _position = 0;
    }

    [DoesNotReturn]
    private static void ThrowPastEnd(int offset, int count) =>
        throw new EndOfStreamException($"Reading {count} bytes at offset {offset} runs past the end of the frame.");

    [DoesNotReturn]
    private static void ThrowAboveMaximum(long end, int maxLength, string parameterName) =>
        throw new ArgumentOutOfRangeException(parameterName, end, $"The frame would reach {end} bytes, above its maximum of {maxLength}.");

    private bool TryReadAt(int offset, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if ((long)offset + destination.Length > _length)
        {
            return false;
        }

        _array.AsSpan(offset, destination.Length).CopyTo(destination);
        return true;
    }

    /// <summary>Checks that <paramref name="count"/> bytes at <paramref name="offset"/> end within <see cref="MaxLength"/>, before
    /// anything is rented, and returns where they end.</summary>
    private int End(int offset, int count, string parameterName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(offset, parameterName);
        long end = (long)offset + count;
        if (end > MaxLength)
        {
            ThrowAboveMaximum(end, MaxLength, parameterName);
        }

        return (int)end;
    }

    private void PrepareWrite(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        EnsureCapacity(End(_position, Math.Max(sizeHint, 1), nameof(sizeHint)));
    }

    /// <summary>Records bytes written from <paramref name="start"/> to <paramref name="end"/>: a gap left between the old end and
    /// <paramref name="start"/> is cleared, so pooled memory never becomes part of the frame.</summary>
    private void Commit(int start, int end)
    {
        if (end <= _length)
        {
            return;
        }

        if (start > _length)
        {
            _array.AsSpan(_length, start - _length).Clear();
        }

        _length = end;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureCapacity(int required)
    {
        if (required > _capacity)
        {
            Grow(required)?.Dispose();
        }
    }

    /// <summary>Rents more memory, copies the frame into it, and returns the old memory for the caller to give back.</summary>
    private MemoryOwner<byte>? Grow(int required)
    {
        int capacity = (int)Math.Min(MaxLength, Math.Max((long)_capacity * 2, Math.Max(required, MinimumGrowth)));
        MemoryOwner<byte> owner = MemoryOwner<byte>.Allocate(capacity, _pool, AllocationMode.Default);
        byte[] array = owner.DangerousGetArray().Array!;
        _array.AsSpan(0, _length).CopyTo(array);
        MemoryOwner<byte>? old = _owner;
        _owner = owner;
        _array = array;
        _capacity = capacity;
        return old;
    }
}
