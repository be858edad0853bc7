using System;
using FuseWire.Abi;

namespace BenchFs;

/// <summary>The benchfs namespace (spec §1): node ids, attributes and the names under <c>/many</c>.</summary>
internal static class BenchNodes
{
    public const ulong Root = 1;
    public const ulong File = 2;
    public const ulong Small = 3;
    public const ulong Sink = 4;
    public const ulong Many = 5;
    public const ulong FirstManyChild = 1000;
    public const int ManyCount = 10000;
    public const ulong FileSize = 1UL << 30;
    public const ulong SmallSize = 4096;
    public const uint DtDir = 4;
    public const uint DtReg = 8;

    private const uint DirMode = 0x4000 | 0x1ED; // S_IFDIR | 0755
    private const uint ReadOnlyMode = 0x8000 | 0x124; // S_IFREG | 0444
    private const uint SinkMode = 0x8000 | 0x1B6; // S_IFREG | 0666
    private const uint ManyChildMode = 0x8000 | 0x1A4; // S_IFREG | 0644

    /// <summary>Whether <paramref name="nodeId"/> names an inode of the namespace.</summary>
    public static bool Exists(ulong nodeId) => nodeId is >= Root and <= Many || IsManyChild(nodeId);

    public static bool IsManyChild(ulong nodeId) => nodeId - FirstManyChild < ManyCount;

    public static bool IsDirectory(ulong nodeId) => nodeId is Root or Many;

    /// <summary>The size of a regular file's content (0 for sink, the many children and directories).</summary>
    public static ulong ContentSize(ulong nodeId) => nodeId switch
    {
        File => FileSize,
        Small => SmallSize,
        _ => 0,
    };

    /// <summary>Fills <paramref name="attr"/> for an existing node; returns false for an unknown one.</summary>
    public static bool TryGetAttr(ulong nodeId, out FuseAttr attr)
    {
        attr = default;
        uint mode;
        uint nlink = 1;
        ulong size = 0;
        switch (nodeId)
        {
            case Root: mode = DirMode; nlink = 3; break;
            case File: mode = ReadOnlyMode; size = FileSize; break;
            case Small: mode = ReadOnlyMode; size = SmallSize; break;
            case Sink: mode = SinkMode; break;
            case Many: mode = DirMode; nlink = 2; break;
            default:
                if (!IsManyChild(nodeId))
                {
                    return false;
                }

                mode = ManyChildMode;
                break;
        }

        attr.Ino = nodeId;
        attr.Mode = mode;
        attr.NLink = nlink;
        attr.Size = size;
        attr.Blocks = size / 512;
        attr.BlkSize = 4096;
        return true;
    }

    /// <summary>The entry reply for an existing node: timeouts 0 (spec §2).</summary>
    public static FuseEntryOut EntryOf(ulong nodeId)
    {
        FuseEntryOut entry = default;
        if (TryGetAttr(nodeId, out entry.Attr))
        {
            entry.NodeId = nodeId;
        }

        return entry;
    }

    /// <summary>Resolves a name in the root directory; 0 when unknown.</summary>
    public static ulong LookupRoot(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual("file"u8))
        {
            return File;
        }

        if (name.SequenceEqual("small"u8))
        {
            return Small;
        }

        if (name.SequenceEqual("sink"u8))
        {
            return Sink;
        }

        return name.SequenceEqual("many"u8) ? Many : 0;
    }

    /// <summary>Resolves <c>f</c> + 5 decimal digits (value below 10000) in <c>/many</c>; 0 when unknown.</summary>
    public static ulong LookupMany(ReadOnlySpan<byte> name)
    {
        if (name.Length != 6 || name[0] != (byte)'f')
        {
            return 0;
        }

        int value = 0;
        for (int i = 1; i < 6; i++)
        {
            uint digit = (uint)(name[i] - '0');
            if (digit > 9)
            {
                return 0;
            }

            value = (value * 10) + (int)digit;
        }

        return value < ManyCount ? FirstManyChild + (ulong)value : 0;
    }

    /// <summary>Writes <c>f</c> + 5 digits of <paramref name="index"/> into <paramref name="destination"/> (6 bytes).</summary>
    public static void FormatManyName(int index, Span<byte> destination)
    {
        destination[0] = (byte)'f';
        for (int i = 5; i >= 1; i--)
        {
            destination[i] = (byte)('0' + (index % 10));
            index /= 10;
        }
    }
}
