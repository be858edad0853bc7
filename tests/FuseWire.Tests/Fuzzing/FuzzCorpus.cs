using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FuseWire.Tests.Fuzzing;

/// <summary>Finds the fuzz corpus (fuzz/corpus beside FuseWire.sln) from the test's directory.</summary>
internal static class FuzzCorpus
{
    public static string Root { get; } = Find();

    /// <summary>The target's seeds and kept regressions.</summary>
    public static IEnumerable<string> Files(string target)
    {
        IEnumerable<string> seeds = Directory.EnumerateFiles(Path.Combine(Root, target, "seeds"));
        string regressions = Path.Combine(Root, "regressions", target);
        return Directory.Exists(regressions) ? seeds.Concat(Directory.EnumerateFiles(regressions)) : seeds;
    }

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FuseWire.sln")))
            {
                return Path.Combine(directory.FullName, "fuzz", "corpus");
            }
        }

        throw new DirectoryNotFoundException("No FuseWire.sln above " + AppContext.BaseDirectory);
    }
}
