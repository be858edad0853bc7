using System;
using System.Collections.Generic;

namespace MemFs;

/// <summary>
/// A regular file's bytes: a sparse map of 64 KiB chunks (a missing chunk reads as zeros), so a 100 MiB file is 1600 arrays
/// and a truncate to a terabyte costs nothing. Bytes beyond <see cref="Length"/> are always zero.
/// </summary>
internal sealed class MemContent
{
    public const int ChunkShift = 16;
    public const int ChunkSize = 1 << ChunkShift;

    private readonly Dictionary<long, byte[]> _chunks = [];

    /// <summary>The file size.</summary>
    public long Length { get; private set; }

    /// <summary>Bytes held in memory (allocated chunks).</summary>
    public long AllocatedBytes => (long)_chunks.Count * ChunkSize;

    /// <summary>Copies bytes at <paramref name="offset"/> into <paramref name="destination"/>; returns how many (0 at or past the end).</summary>
    public int Read(long offset, Span<byte> destination)
    {
        if (offset >= Length)
        {
            return 0;
        }

        int count = (int)Math.Min(destination.Length, Length - offset);
        int done = 0;
        while (done < count)
        {
            long position = offset + done;
            int within = (int)(position & (ChunkSize - 1));
            int take = Math.Min(count - done, ChunkSize - within);
            Span<byte> target = destination.Slice(done, take);
            if (_chunks.TryGetValue(position >> ChunkShift, out byte[]? chunk))
            {
                chunk.AsSpan(within, take).CopyTo(target);
            }
            else
            {
                target.Clear();
            }

            done += take;
        }

        return count;
    }

    /// <summary>Writes <paramref name="source"/> at <paramref name="offset"/>, growing the file as needed.</summary>
    public void Write(long offset, ReadOnlySpan<byte> source)
    {
        int done = 0;
        while (done < source.Length)
        {
            long position = offset + done;
            int within = (int)(position & (ChunkSize - 1));
            int take = Math.Min(source.Length - done, ChunkSize - within);
            long index = position >> ChunkShift;
            if (!_chunks.TryGetValue(index, out byte[]? chunk))
            {
                if (!source.Slice(done, take).ContainsAnyExcept((byte)0))
                {
                    // Zeros into a hole leave the hole: a missing chunk reads as zeros, and a copy from a sparse file stays sparse.
                    done += take;
                    continue;
                }

                chunk = new byte[ChunkSize];
                _chunks.Add(index, chunk);
            }

            source.Slice(done, take).CopyTo(chunk.AsSpan(within, take));
            done += take;
        }

        Length = Math.Max(Length, offset + source.Length);
    }

    /// <summary>Sets the size: shrinking drops the bytes past it, growing reads as zeros.</summary>
    public void SetLength(long length)
    {
        if (length < Length)
        {
            Zero(length, Length - length);
        }

        Length = length;
    }

    /// <summary>Zeroes a range (punch hole, zero range) without changing the size; whole chunks are released.</summary>
    public void Zero(long offset, long length)
    {
        long end = Math.Min(offset + length, Math.Max(Length, offset));
        if (end <= offset)
        {
            return;
        }

        long firstWhole = (offset + ChunkSize - 1) >> ChunkShift;
        long endWhole = end >> ChunkShift;
        long headEnd = Math.Min(end, firstWhole << ChunkShift);
        ClearPart(offset, headEnd);
        if (end <= headEnd)
        {
            return;
        }

        ClearPart(Math.Max(headEnd, endWhole << ChunkShift), end);
        if (endWhole - firstWhole > _chunks.Count)
        {
            List<long> doomed = [];
            foreach (long index in _chunks.Keys)
            {
                if (index >= firstWhole && index < endWhole)
                {
                    doomed.Add(index);
                }
            }

            foreach (long index in doomed)
            {
                _ = _chunks.Remove(index);
            }
        }
        else
        {
            for (long index = firstWhole; index < endWhole; index++)
            {
                _ = _chunks.Remove(index);
            }
        }
    }

    /// <summary>Drops every chunk (the node is being freed).</summary>
    public void Clear()
    {
        _chunks.Clear();
        Length = 0;
    }

    /// <summary>Zeroes [start, end), which lies within one chunk.</summary>
    private void ClearPart(long start, long end)
    {
        if (end > start && _chunks.TryGetValue(start >> ChunkShift, out byte[]? chunk))
        {
            chunk.AsSpan((int)(start & (ChunkSize - 1)), (int)(end - start)).Clear();
        }
    }
}
