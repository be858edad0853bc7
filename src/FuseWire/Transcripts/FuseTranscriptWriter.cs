using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using FuseWire.Sessions;

namespace FuseWire.Transcripts;

/// <summary>
/// Writes a FUSE transcript as pcapng: one Section Header Block, an Interface Description Block per connection (link type 147,
/// snaplen 0, <c>if_name</c>, <c>if_tsresol</c> 9) and an Enhanced Packet Block per frame (nanosecond timestamp, the frame
/// byte for byte, direction in <c>epb_flags</c>). Every method is thread-safe; blocks go through one reusable buffer, so
/// writing a frame allocates nothing.
/// </summary>
/// <remarks>
/// Fields are written in the machine's byte order, as FUSE frames are, and the Section Header Block's magic says which.
/// Blocks reach the stream when the buffer fills, on <see cref="Flush"/> and on <see cref="Dispose"/>.
/// <code>
/// Enhanced Packet Block as written:
///  0  block type = 6          4  block total length
///  8  interface id           12  timestamp (high)      16  timestamp (low), in ns since the epoch
/// 20  captured length        24  original length
/// 28  frame bytes, padded to 32 bits
///  +  epb_flags: code 2, length 4, direction in bits 0-1 (01 request, 10 reply)
///  +  opt_endofopt           +  block total length
/// </code>
/// </remarks>
public sealed class FuseTranscriptWriter : IDisposable
{
    /// <summary>The size of the reusable block buffer; a larger frame is written straight from the caller's span.</summary>
    public const int BufferSize = 128 * 1024;

    /// <summary>The smallest <see cref="MaxCapturedLength"/>: room for a request header and a <c>fuse_write_in</c>.</summary>
    public const int MinimumCapturedLength = 80;

    private const int EnhancedPacketOverhead = Pcapng.EnhancedPacketDataOffset + 16;
    private const long NanosecondsPerSecond = 1_000_000_000;
    private static readonly byte[] s_application = Encoding.UTF8.GetBytes("FuseWire");

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Lock _gate = new();
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly long _clockAnchorNanoseconds;
    private readonly long _stopwatchAnchor;
    private int _buffered;
    private int _interfaceCount;
    private int _maxCapturedLength = int.MaxValue;
    private bool _disposed;

    /// <summary>Starts a transcript on <paramref name="stream"/>: the Section Header Block is written at once (to the buffer).</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves the stream open.</param>
    /// <exception cref="ArgumentException">The stream cannot be written.</exception>
    public FuseTranscriptWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The transcript stream must be writable.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _stopwatchAnchor = Stopwatch.GetTimestamp();
        _clockAnchorNanoseconds = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        WriteSectionHeader();
    }

    /// <summary>
    /// Frames longer than this are recorded truncated: their first <see cref="MaxCapturedLength"/> bytes, with the original
    /// length, so a reader reports <see cref="FuseTranscriptRecord.IsTruncated"/>. The default, <see cref="int.MaxValue"/>,
    /// keeps every frame whole; a few KiB keeps headers and metadata whole and cuts the payload of large READ replies and
    /// WRITE requests. Applies when <c>capturedLength</c> is -1 (the default) and to observers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below <see cref="MinimumCapturedLength"/>.</exception>
    public int MaxCapturedLength
    {
        get => Volatile.Read(ref _maxCapturedLength);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinimumCapturedLength);
            Volatile.Write(ref _maxCapturedLength, value);
        }
    }

    /// <summary>The number of interfaces added so far.</summary>
    public int InterfaceCount => Volatile.Read(ref _interfaceCount);

    /// <summary>The wall clock in nanoseconds since the Unix epoch, as observers stamp frames: a monotonic clock anchored to
    /// <see cref="DateTime.UtcNow"/> when the writer was created.</summary>
    /// <returns>Nanoseconds since the Unix epoch.</returns>
    public long GetTimestamp()
    {
        long elapsed = Stopwatch.GetTimestamp() - _stopwatchAnchor;
        long frequency = Stopwatch.Frequency;
        long nanoseconds = frequency == NanosecondsPerSecond ? elapsed : (long)((Int128)elapsed * NanosecondsPerSecond / frequency);
        return _clockAnchorNanoseconds + nanoseconds;
    }

    /// <summary>Describes a connection: writes an Interface Description Block (link type 147, snaplen 0, <c>if_name</c>,
    /// <c>if_tsresol</c> 9).</summary>
    /// <param name="name">The mountpoint or a connection name (at most 65,535 UTF-8 bytes).</param>
    /// <returns>The interface id to pass to <see cref="Write"/> and <see cref="CreateObserver"/>.</returns>
    /// <exception cref="ArgumentException">The name is longer than 65,535 UTF-8 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public int AddInterface(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        int nameLength = Encoding.UTF8.GetByteCount(name);
        if (nameLength > ushort.MaxValue)
        {
            throw new ArgumentException("An interface name is at most 65,535 UTF-8 bytes (a pcapng option's length is 16 bits).", nameof(name));
        }

        int length = Pcapng.InterfaceDescriptionOptionsOffset + (nameLength > 0 ? 4 + Pcapng.Pad4(nameLength) : 0) + 8 + 4 + 4;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Span<byte> block = Reserve(length);
            block.Clear();
            Put32(block, 0, Pcapng.InterfaceDescriptionType);
            Put32(block, 4, (uint)length);
            Put16(block, 8, Pcapng.LinkTypeFuse);
            Put32(block, 12, 0);
            int position = Pcapng.InterfaceDescriptionOptionsOffset;
            if (nameLength > 0)
            {
                Put16(block, position, Pcapng.OptionInterfaceName);
                Put16(block, position + 2, (ushort)nameLength);
                _ = Encoding.UTF8.GetBytes(name, block.Slice(position + 4, nameLength));
                position += 4 + Pcapng.Pad4(nameLength);
            }

            Put16(block, position, Pcapng.OptionTimestampResolution);
            Put16(block, position + 2, 1);
            block[position + 4] = Pcapng.NanosecondResolution;
            position += 8;
            Put32(block, position, 0);
            Put32(block, position + 4, (uint)length);
            _buffered += length;
            return _interfaceCount++;
        }
    }

    /// <summary>Records one frame: writes an Enhanced Packet Block.</summary>
    /// <param name="interfaceId">The connection, from <see cref="AddInterface"/>.</param>
    /// <param name="direction">Which way the frame crossed.</param>
    /// <param name="frame">The frame, byte for byte.</param>
    /// <param name="timestampNanoseconds">When it crossed, in nanoseconds since the Unix epoch (see <see cref="GetTimestamp"/>).</param>
    /// <param name="capturedLength">How many of the frame's bytes to keep (the rest is recorded as truncated); -1 keeps all of
    /// them, up to <see cref="MaxCapturedLength"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range (unknown interface, direction, negative
    /// timestamp, captured length above the frame's).</exception>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    public void Write(int interfaceId, FuseFrameDirection direction, ReadOnlySpan<byte> frame, long timestampNanoseconds, int capturedLength = -1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(timestampNanoseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(capturedLength, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capturedLength, frame.Length);
        if ((uint)direction > (uint)FuseFrameDirection.Reply)
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown, Request or Reply.");
        }

        lock (_gate)
        {
            WriteLocked(interfaceId, direction, frame, timestampNanoseconds, capturedLength);
        }
    }

    /// <summary>
    /// Makes an observer that records every frame it sees on interface <paramref name="interfaceId"/>, stamped with
    /// <see cref="GetTimestamp"/> as it is recorded: frames with <c>fromKernel</c> true as
    /// <see cref="FuseFrameDirection.Request"/>, the others as <see cref="FuseFrameDirection.Reply"/>.
    /// </summary>
    /// <remarks>
    /// One option records a daemon's session: <c>new FuseSessionOptions { Observer = writer.CreateObserver(id) }</c>. The same
    /// observer records a client (the kernel's role): <c>FuseClientOptions.Observer</c> calls it with <c>fromKernel</c> true
    /// for the frames the client sends (requests) and false for those it receives (replies, notifications), so either side's
    /// transcript reads the same. The observer is thread-safe (the session's workers share it), takes its timestamp under the
    /// writer's lock (timestamps never go backwards in the file), and throws what <see cref="Write"/> throws.
    /// </remarks>
    /// <param name="interfaceId">The connection, from <see cref="AddInterface"/>.</param>
    /// <returns>The observer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such interface.</exception>
    public FuseFrameObserver CreateObserver(int interfaceId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(interfaceId);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(interfaceId, InterfaceCount);
        return (frame, fromKernel) =>
        {
            lock (_gate)
            {
                WriteLocked(interfaceId, fromKernel ? FuseFrameDirection.Request : FuseFrameDirection.Reply, frame, GetTimestamp(), -1);
            }
        };
    }

    /// <summary>Writes the buffered blocks to the stream and flushes it.</summary>
    /// <exception cref="ObjectDisposedException">The writer is disposed.</exception>
    public void Flush()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Drain();
            _stream.Flush();
        }
    }

    /// <summary>Writes the buffered blocks, flushes, and closes the stream unless it was to be left open.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                Drain();
                _stream.Flush();
            }
            finally
            {
                if (!_leaveOpen)
                {
                    _stream.Dispose();
                }
            }
        }
    }

    private static void Put16(Span<byte> block, int offset, ushort value) => MemoryMarshal.Write(block[offset..], in value);

    private static void Put32(Span<byte> block, int offset, uint value) => MemoryMarshal.Write(block[offset..], in value);

    private void WriteLocked(int interfaceId, FuseFrameDirection direction, ReadOnlySpan<byte> frame, long timestampNanoseconds, int capturedLength)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if ((uint)interfaceId >= (uint)_interfaceCount)
        {
            throw new ArgumentOutOfRangeException(nameof(interfaceId), interfaceId, "No such interface: add it with AddInterface first.");
        }

        int captured = capturedLength >= 0 ? capturedLength : Math.Min(frame.Length, _maxCapturedLength);
        int padded = Pcapng.Pad4(captured);
        int length = EnhancedPacketOverhead + padded;
        ulong timestamp = (ulong)timestampNanoseconds;
        int head = Pcapng.EnhancedPacketDataOffset;
        int tail = length - head - padded;
        bool inline = length <= BufferSize;
        Span<byte> block = Reserve(inline ? length : head);
        Put32(block, 0, Pcapng.EnhancedPacketType);
        Put32(block, 4, (uint)length);
        Put32(block, 8, (uint)interfaceId);
        Put32(block, 12, (uint)(timestamp >> 32));
        Put32(block, 16, (uint)timestamp);
        Put32(block, 20, (uint)captured);
        Put32(block, 24, (uint)frame.Length);
        if (inline)
        {
            frame[..captured].CopyTo(block[head..]);
            block.Slice(head + captured, padded - captured).Clear();
            WriteTail(block[(head + padded)..], direction, length);
            _buffered += length;
            return;
        }

        _buffered += head;
        Drain();
        _stream.Write(frame[..captured]);
        Span<byte> rest = Reserve((padded - captured) + tail);
        rest[..(padded - captured)].Clear();
        WriteTail(rest[(padded - captured)..], direction, length);
        _buffered += rest.Length;
    }

    private static void WriteTail(Span<byte> tail, FuseFrameDirection direction, int length)
    {
        Put16(tail, 0, Pcapng.OptionFlags);
        Put16(tail, 2, 4);
        Put32(tail, 4, (uint)direction);
        Put32(tail, 8, 0);
        Put32(tail, 12, (uint)length);
    }

    private void WriteSectionHeader()
    {
        int length = Pcapng.SectionHeaderOptionsOffset + 4 + Pcapng.Pad4(s_application.Length) + 4 + 4;
        Span<byte> block = Reserve(length);
        block.Clear();
        Put32(block, 0, Pcapng.SectionHeaderType);
        Put32(block, 4, (uint)length);
        Put32(block, 8, Pcapng.ByteOrderMagic);
        Put16(block, 12, 1);
        Put16(block, 14, 0);
        long sectionLength = -1;
        MemoryMarshal.Write(block[16..], in sectionLength);
        int position = Pcapng.SectionHeaderOptionsOffset;
        Put16(block, position, Pcapng.OptionUserApplication);
        Put16(block, position + 2, (ushort)s_application.Length);
        s_application.CopyTo(block[(position + 4)..]);
        position += 4 + Pcapng.Pad4(s_application.Length);
        Put32(block, position, 0);
        Put32(block, position + 4, (uint)length);
        _buffered += length;
    }

    /// <summary>Room for <paramref name="length"/> bytes at the end of the buffer (draining it first if need be); the caller
    /// fills them and advances <see cref="_buffered"/>.</summary>
    private Span<byte> Reserve(int length)
    {
        if (length > BufferSize - _buffered)
        {
            Drain();
        }

        if (length > BufferSize)
        {
            throw new InvalidOperationException("A block's fixed part is larger than the writer's buffer.");
        }

        return _buffer.AsSpan(_buffered, length);
    }

    private void Drain()
    {
        if (_buffered > 0)
        {
            int buffered = _buffered;
            _buffered = 0;
            _stream.Write(_buffer, 0, buffered);
        }
    }
}
