using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;

namespace FuseWire.Codec;

/// <summary>
/// Packs READDIR or READDIRPLUS records into a buffer of the size the kernel asked for, each padded to 8 bytes;
/// <see cref="TryAdd"/> returns false, leaving the buffer as it was, when the next record does not fit.
/// </summary>
public ref struct FuseDirentWriter
{
    private readonly Span<byte> _buffer;
    private readonly bool _plus;
    private int _written;

    /// <summary>Creates a writer over <paramref name="buffer"/> (slice it to the request's size).</summary>
    /// <param name="buffer">Where records go.</param>
    /// <param name="plus">Whether to write <c>fuse_direntplus</c> records.</param>
    public FuseDirentWriter(Span<byte> buffer, bool plus)
    {
        _buffer = buffer;
        _plus = plus;
        _written = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int BytesWritten => _written;

    /// <summary>The records written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._written];

    /// <summary>The padded size of a record with a name of <paramref name="nameLength"/> bytes.</summary>
    /// <param name="nameLength">The name's length.</param>
    /// <param name="plus">Whether it is a READDIRPLUS record.</param>
    /// <returns>The record's size.</returns>
    public static int RecordSize(int nameLength, bool plus) =>
        ((plus ? FuseConstants.NameOffsetDirentplus : FuseConstants.NameOffset) + nameLength + 7) & ~7;

    /// <summary>Adds a record.</summary>
    /// <param name="ino">Inode number.</param>
    /// <param name="offset">Offset of the next entry (the kernel passes it back in the next READDIR).</param>
    /// <param name="type">DT_* type (d_type).</param>
    /// <param name="name">The name, 1 to 255 bytes, no NUL or '/'.</param>
    /// <param name="entry">For READDIRPLUS: the entry, as LOOKUP would return it (its lookup count is taken by the kernel).</param>
    /// <returns>False when the record does not fit; nothing is written then.</returns>
    /// <exception cref="ArgumentException">The name is empty, longer than 255 bytes, or contains NUL or '/'.</exception>
    public bool TryAdd(ulong ino, ulong offset, uint type, ReadOnlySpan<byte> name, in FuseEntryOut entry = default)
    {
        if (name.IsEmpty || name.Length > FuseConstants.NameMax || name.IndexOfAny((byte)0, (byte)'/') >= 0)
        {
            throw new ArgumentException("A directory entry name is 1 to 255 bytes without NUL or '/'.", nameof(name));
        }

        int size = RecordSize(name.Length, _plus);
        if (size > _buffer.Length - _written)
        {
            return false;
        }

        Span<byte> record = _buffer.Slice(_written, size);
        int direntOffset = 0;
        if (_plus)
        {
            MemoryMarshal.Write(record, in entry);
            direntOffset = FuseEntryOut.StructSize;
        }

        FuseDirent dirent = new() { Ino = ino, Off = offset, NameLen = (uint)name.Length, Type = type };
        MemoryMarshal.Write(record[direntOffset..], in dirent);
        int nameOffset = direntOffset + FuseDirent.StructSize;
        name.CopyTo(record[nameOffset..]);
        record[(nameOffset + name.Length)..].Clear();
        _written += size;
        return true;
    }
}
