using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FuseWire.Transcripts;

/// <summary>
/// Reads a FUSE transcript (pcapng) frame by frame from any stream, with bounded memory: one buffer that grows only to a block
/// length that has been checked (against <see cref="FuseTranscriptReaderOptions.MaxBlockLength"/> always, and against the
/// bytes that remain when the stream can seek; a stream that cannot seek grows it only as bytes actually arrive). Both byte
/// orders, several sections, Simple Packet Blocks and unknown blocks and options skipped. Reading a frame allocates nothing.
/// </summary>
/// <remarks>
/// Every malformed block is a <see cref="FuseTranscriptException"/> naming the block's offset and what was wrong; nothing else
/// escapes from a bad file (the stream's own <see cref="IOException"/> excepted).
/// <code>
/// every block:  0 block type   4 block total length   8 body ...   length-4 block total length (the same)
/// </code>
/// </remarks>
public sealed partial class FuseTranscriptReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private const int SmallestBuffer = 16;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly bool _lenient;
    private readonly int _maxBlockLength;
    private readonly long _streamStart;
    private readonly List<FuseTranscriptInterface> _interfaces = [];
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _pending;
    private long _bufferOffset;
    private bool _swap;
    private int _sectionIndex = -1;
    private int _sectionFirstInterface;
    private long _recordIndex;
    private bool _disposed;

    /// <summary>Starts reading a transcript at the stream's current position (offsets count from there).</summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="options">How to read; null for strict with the default maximum block length.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves the stream open.</param>
    /// <exception cref="ArgumentException">The stream cannot be read.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="FuseTranscriptReaderOptions.MaxBlockLength"/> is below
    /// <see cref="FuseTranscriptReaderOptions.MinimumMaxBlockLength"/>.</exception>
    public FuseTranscriptReader(Stream stream, FuseTranscriptReaderOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The transcript stream must be readable.", nameof(stream));
        }

        options ??= new FuseTranscriptReaderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBlockLength, FuseTranscriptReaderOptions.MinimumMaxBlockLength, nameof(options));
        _stream = stream;
        _leaveOpen = leaveOpen;
        _lenient = options.Lenient;
        _maxBlockLength = options.MaxBlockLength;
        int initial = InitialBufferSize;
        if (stream.CanSeek)
        {
            _streamStart = stream.Position;
            initial = (int)Math.Clamp(stream.Length - _streamStart, SmallestBuffer, InitialBufferSize);
        }

        _buffer = new byte[initial];
        Interfaces = new ReadOnlyCollection<FuseTranscriptInterface>(_interfaces);
    }

    /// <summary>The interfaces (connections) described so far, in every section read so far; indexed by
    /// <see cref="FuseTranscriptRecord.InterfaceId"/>.</summary>
    public IReadOnlyList<FuseTranscriptInterface> Interfaces { get; }

    /// <summary>The number of sections begun so far.</summary>
    public int SectionCount => _sectionIndex + 1;

    /// <summary>The offset in the file of the next block to read.</summary>
    public long Position => _bufferOffset + _start + _pending;

    /// <summary>Reads the next frame.</summary>
    /// <param name="record">The frame, valid until the next call.</param>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="FuseTranscriptException">The file is malformed (the offset and what was wrong in the exception).</exception>
    /// <exception cref="IOException">The stream failed.</exception>
    /// <exception cref="ObjectDisposedException">The reader is disposed.</exception>
    public bool TryRead(out FuseTranscriptRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _start += _pending;
        _pending = 0;
        while (true)
        {
            long offset = _bufferOffset + _start;
            if (!Fill(8, checkedAgainstFile: true))
            {
                int left = _end - _start;
                if (left == 0)
                {
                    if (_sectionIndex < 0)
                    {
                        TranscriptThrow.Format(FuseTranscriptError.MissingSectionHeader, offset, "the file is empty; a pcapng file starts with a Section Header Block");
                    }

                    record = default;
                    return false;
                }

                TranscriptThrow.Format(FuseTranscriptError.Truncated, offset, $"the file ends {left} bytes into a block header (8 needed)");
            }

            uint type = MemoryMarshal.Read<uint>(_buffer.AsSpan(_start));
            if (type == Pcapng.SectionHeaderType)
            {
                ReadByteOrder(offset);
            }
            else if (_sectionIndex < 0)
            {
                TranscriptThrow.Format(FuseTranscriptError.MissingSectionHeader, offset, $"the file starts with a block of type 0x{type:X8}, not a Section Header Block (0x0A0D0D0A)");
            }
            else if (_swap)
            {
                type = BinaryPrimitives.ReverseEndianness(type);
            }

            int length = CheckLength(type, Read32(_buffer.AsSpan(_start + 4)), offset);
            if (!Fill(length, checkedAgainstFile: _stream.CanSeek))
            {
                TranscriptThrow.Format(FuseTranscriptError.Truncated, offset, $"{Pcapng.BlockName(type)}: the file ends {_end - _start} bytes into the block's {length}");
            }

            ReadOnlySpan<byte> block = _buffer.AsSpan(_start, length);
            uint trailing = Read32(block[(length - 4)..]);
            if (trailing != (uint)length)
            {
                TranscriptThrow.Format(FuseTranscriptError.LengthMismatch, offset, $"{Pcapng.BlockName(type)}: the leading total length {length} and the trailing one {trailing} differ");
            }

            switch (type)
            {
                case Pcapng.EnhancedPacketType:
                    _pending = length;
                    record = ReadEnhancedPacket(block, offset);
                    return true;
                case Pcapng.SectionHeaderType:
                    ReadSectionHeader(block, offset);
                    break;
                case Pcapng.InterfaceDescriptionType:
                    ReadInterfaceDescription(block, offset);
                    break;
                default:
                    break;
            }

            _start += length;
        }
    }

    /// <summary>Closes the stream unless it was to be left open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Read32(ReadOnlySpan<byte> bytes)
    {
        uint value = MemoryMarshal.Read<uint>(bytes);
        return _swap ? BinaryPrimitives.ReverseEndianness(value) : value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ushort Read16(ReadOnlySpan<byte> bytes)
    {
        ushort value = MemoryMarshal.Read<ushort>(bytes);
        return _swap ? BinaryPrimitives.ReverseEndianness(value) : value;
    }

    /// <summary>Makes sure <paramref name="needed"/> bytes from <see cref="_start"/> are in the buffer, compacting and growing
    /// it as need be. When <paramref name="checkedAgainstFile"/> the length is known not to run past the file, so the buffer
    /// grows to it at once; otherwise it at most doubles each time it is full, so it never outgrows twice the bytes read.</summary>
    /// <returns>False if the stream ended first.</returns>
    private bool Fill(int needed, bool checkedAgainstFile)
    {
        if (_end - _start >= needed)
        {
            return true;
        }

        if (_buffer.Length - _start < needed && _start > 0)
        {
            int available = _end - _start;
            _buffer.AsSpan(_start, available).CopyTo(_buffer);
            _bufferOffset += _start;
            _start = 0;
            _end = available;
        }

        while (_end - _start < needed)
        {
            if (_end == _buffer.Length)
            {
                int target = checkedAgainstFile ? needed : Math.Min(needed, _buffer.Length * 2);
                byte[] grown = new byte[target];
                _buffer.AsSpan(_start, _end - _start).CopyTo(grown);
                _bufferOffset += _start;
                _end -= _start;
                _start = 0;
                _buffer = grown;
            }

            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read <= 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }
}
