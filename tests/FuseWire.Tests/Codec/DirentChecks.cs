using FuseWire.Abi;
using FuseWire.Codec;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Checks an enumerated listing against <see cref="DirentSamples"/>.</summary>
internal static class DirentChecks
{
    public static void AssertListing(FuseDirentEnumerator records, bool plus, int count = -1)
    {
        int expected = count < 0 ? DirentSamples.Names.Length : count;
        int i = 0;
        foreach (FuseDirentEntry record in records)
        {
            Assert.True(i < expected, "more records than written");
            (ulong ino, ulong off, uint type) = DirentSamples.Fields(i);
            Assert.Equal(ino, record.Dirent.Ino);
            Assert.Equal(off, record.Dirent.Off);
            Assert.Equal(type, record.Dirent.Type);
            Assert.Equal((uint)DirentSamples.Names[i].Length, record.Dirent.NameLen);
            Assert.Equal(DirentSamples.Names[i], record.Name.ToArray());
            WireBytes.AssertSame(plus ? DirentSamples.Entry(i) : default, record.EntryOut);
            i++;
        }

        Assert.Equal(expected, i);
    }
}
