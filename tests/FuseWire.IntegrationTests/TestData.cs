using System;
using System.IO;

namespace FuseWire.IntegrationTests;

/// <summary>Deterministic test content.</summary>
public static class TestData
{
    private static readonly int[] TreeFileSizes = [0, 1, 511, 4095, 4096, 4097, 65535, 65536, 65537, 200_000, (1 << 20) + 3];

    /// <summary>Pseudo-random bytes from <paramref name="seed"/>.</summary>
    public static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Writes a small tree under <paramref name="root"/>: nested directories, files of awkward sizes, an empty directory and a symbolic link.</summary>
    public static void WriteTree(string root, int seed)
    {
        string nested = Path.Combine(root, "nested");
        string deeper = Path.Combine(nested, "deeper");
        _ = Directory.CreateDirectory(deeper);
        _ = Directory.CreateDirectory(Path.Combine(root, "empty"));
        for (int i = 0; i < TreeFileSizes.Length; i++)
        {
            string directory = (i % 3) switch { 0 => root, 1 => nested, _ => deeper };
            File.WriteAllBytes(Path.Combine(directory, $"file-{i}-{TreeFileSizes[i]}.bin"), Bytes(TreeFileSizes[i], seed + i));
        }

        // Modes cp -a must carry over (umask aside).
        UnixFileMode[] modes = [(UnixFileMode)0x180, (UnixFileMode)0x1ED, (UnixFileMode)0x1A0, (UnixFileMode)0x124]; // 0600 0755 0640 0444
        for (int i = 0; i < TreeFileSizes.Length; i++)
        {
            string directory = (i % 3) switch { 0 => root, 1 => nested, _ => deeper };
            File.SetUnixFileMode(Path.Combine(directory, $"file-{i}-{TreeFileSizes[i]}.bin"), modes[i % modes.Length]);
        }

        File.SetUnixFileMode(deeper, (UnixFileMode)0x1C0); // 0700
        File.WriteAllText(Path.Combine(nested, "target-of-link"), "linked\n");
        File.CreateSymbolicLink(Path.Combine(nested, "link"), "target-of-link");
    }
}
