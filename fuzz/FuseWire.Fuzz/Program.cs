using System;
using System.Collections.Generic;
using System.IO;
using SharpFuzz;

namespace FuseWire.Fuzzing;

/// <summary>
/// The SharpFuzz harness. <c>FuseWire.Fuzz TARGET</c> runs under afl-fuzz (one input per iteration from the fork server);
/// <c>FuseWire.Fuzz seed CORPUS_DIR</c> writes the seed corpora; <c>FuseWire.Fuzz replay TARGET FILE...</c> runs files once and
/// reports each finding.
/// </summary>
internal static class Program
{
    private const int MaxInput = 1 << 20;

    private static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "seed")
        {
            foreach (KeyValuePair<string, int> count in SeedCorpus.Write(args[1]))
            {
                Console.WriteLine($"{count.Key}: {count.Value} seeds");
            }

            return 0;
        }

        if (args.Length >= 3 && args[0] == "replay")
        {
            return Replay(args[1], args[2..]);
        }

        if (args.Length == 1 && FuzzTargets.TryGet(args[0], out _))
        {
            string name = args[0];
            byte[] buffer = new byte[MaxInput];
            Fuzzer.Run(stream =>
            {
                int length = 0;
                int read;
                while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += read;
                }

                FuzzTargets.Run(name, buffer.AsSpan(0, length));
            });
            return 0;
        }

        Console.Error.WriteLine("usage: FuseWire.Fuzz (" + string.Join('|', FuzzTargets.Names) + ") | seed CORPUS_DIR | replay TARGET FILE...");
        return 2;
    }

    private static int Replay(string name, string[] files)
    {
        int failures = 0;
        foreach (string file in files)
        {
            try
            {
                FuzzTargets.Run(name, File.ReadAllBytes(file));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures++;
                Console.WriteLine(file + ": " + e);
            }
        }

        Console.WriteLine($"{files.Length} inputs, {failures} findings");
        return failures == 0 ? 0 : 1;
    }
}
