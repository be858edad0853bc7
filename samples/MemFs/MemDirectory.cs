using System;
using System.Collections.Generic;

namespace MemFs;

/// <summary>
/// A directory's entries: a name index and a list in cookie order. Cookies only grow, so a readdir that resumes at an offset
/// neither skips nor repeats entries while others are added or removed.
/// </summary>
internal sealed class MemDirectory
{
    /// <summary>The first cookie given to a child (1 and 2 are . and ..).</summary>
    public const ulong FirstCookie = 3;

    private readonly Dictionary<byte[], MemDirEntry> _byName = new(NameComparer.Instance);
    private readonly Dictionary<byte[], MemDirEntry>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly List<MemDirEntry> _ordered = [];
    private ulong _nextCookie = FirstCookie;

    public MemDirectory() => _lookup = _byName.GetAlternateLookup<ReadOnlySpan<byte>>();

    public int Count => _ordered.Count;

    public MemDirEntry this[int index] => _ordered[index];

    public MemNode? Find(ReadOnlySpan<byte> name) => _lookup.TryGetValue(name, out MemDirEntry? entry) ? entry.Node : null;

    public MemDirEntry? FindEntry(ReadOnlySpan<byte> name) => _lookup.TryGetValue(name, out MemDirEntry? entry) ? entry : null;

    public void Add(ReadOnlySpan<byte> name, MemNode node)
    {
        MemDirEntry entry = new(name.ToArray(), node, _nextCookie++);
        _byName.Add(entry.Name, entry);
        _ordered.Add(entry);
    }

    public MemNode? Remove(ReadOnlySpan<byte> name)
    {
        if (!_lookup.Remove(name, out _, out MemDirEntry? entry))
        {
            return null;
        }

        _ordered.RemoveAt(IndexAfter(entry.Cookie - 1));
        return entry.Node;
    }

    /// <summary>The index of the first entry whose cookie is above <paramref name="offset"/> (Count when none).</summary>
    public int IndexAfter(ulong offset)
    {
        int low = 0, high = _ordered.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (_ordered[middle].Cookie <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
