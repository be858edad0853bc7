using System;
using System.Linq;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Tests.Codec;

/// <summary>Directory listings for the dirent tests: names of lengths 1 to 255 so every padding (0 to 7 bytes) occurs.</summary>
internal static class DirentSamples
{
    /// <summary>Names of different lengths: 1, 2, ..., 9 bytes, a UTF-8 name, and a 255-byte name.</summary>
    public static byte[][] Names { get; } =
    [
        .. new[] { "a", "bb", "ccc", "dddd", "eeeee", "ffffff", "ggggggg", "hhhhhhhh", "iiiiiiiii" }.Select(Encoding.UTF8.GetBytes),
        Encoding.UTF8.GetBytes("ünïcødé-名前"),
        Encoding.UTF8.GetBytes(new string('z', 255)),
    ];

    /// <summary>The entry a READDIRPLUS record carries for the i-th name.</summary>
    public static FuseEntryOut Entry(int i)
    {
        FuseEntryOut entry = WireBytes.Distinct<FuseEntryOut>(100 + i);
        entry.NodeId = 1000 + (ulong)i;
        return entry;
    }

    /// <summary>The i-th record's inode, offset and type.</summary>
    public static (ulong Ino, ulong Off, uint Type) Fields(int i) => (5000 + (ulong)i, 1 + (ulong)i, (uint)(i % 15));

    /// <summary>Packs all <see cref="Names"/> and returns the records (exactly <see cref="FuseDirentWriter.BytesWritten"/> bytes).</summary>
    public static byte[] Listing(bool plus)
    {
        int total = 0;
        foreach (byte[] name in Names)
        {
            total += FuseDirentWriter.RecordSize(name.Length, plus);
        }

        byte[] buffer = new byte[total];
        FuseDirentWriter writer = new(buffer, plus);
        for (int i = 0; i < Names.Length; i++)
        {
            (ulong ino, ulong off, uint type) = Fields(i);
            if (!writer.TryAdd(ino, off, type, Names[i], Entry(i)))
            {
                throw new InvalidOperationException("The listing buffer is sized for every record.");
            }
        }

        return writer.Written.ToArray();
    }
}
