using System;

namespace FuseWire.Tests.Transcripts;

/// <summary>A valid transcript made from a seed: one or two sections of either byte order, a few interfaces, frames of
/// assorted lengths (now and then one larger than the reader's first buffer), every direction, truncated captures.</summary>
internal static class ValidFileGen
{
    public static byte[] Make(int seed)
    {
        Random random = new(seed);
        byte[] file = [];
        int sections = 1 + random.Next(2);
        for (int s = 0; s < sections; s++)
        {
            PcapngFile section = new PcapngFile(bigEndian: random.Next(2) == 0).SectionHeader(application: random.Next(2) == 0 ? "gen" : null);
            int interfaces = 1 + random.Next(3);
            for (int i = 0; i < interfaces; i++)
            {
                section.Interface(name: random.Next(4) == 0 ? null : "if" + i, resolution: random.Next(3) switch { 0 => null, 1 => (byte)9, _ => (byte)(0x80 | random.Next(40)) });
            }

            int frames = random.Next(12);
            for (int f = 0; f < frames; f++)
            {
                byte[] data = new byte[random.Next(10) == 0 ? 17_000 + random.Next(5000) : random.Next(300)];
                random.NextBytes(data);
                uint original = (uint)data.Length + (random.Next(5) == 0 ? (uint)random.Next(100_000) : 0);
                section.Packet((uint)random.Next(interfaces), (ulong)random.NextInt64(), data, flags: (uint)(1 + random.Next(2)), original: original);
            }

            file = [.. file, .. section.ToArray()];
        }

        return file;
    }
}
