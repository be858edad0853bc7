using System;
using System.IO;
using Xunit;

namespace FuseWire.Cli.Tests;

public sealed class RobustnessTests
{
    public static TheoryData<string[]> Commands => new()
    {
        new[] { "check" },
        new[] { "check", "--strict" },
        new[] { "dump" },
        new[] { "dump", "--json" },
        new[] { "stats" },
    };

    /// <summary>Hostile frames inside a well-formed pcapng: every command ends with 0, 1 or 2 and one line of error at most, never 3.</summary>
    [Theory]
    [MemberData(nameof(Commands))]
    public void Mutated_transcripts_never_crash_a_command(string[] command)
    {
        byte[] original = File.ReadAllBytes(TestTranscripts.MemFs);
        for (int seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            byte[] mutated = (byte[])original.Clone();
            int flips = 1 + random.Next(8);
            for (int i = 0; i < flips; i++)
            {
                // Past the section and interface headers, mostly into frame bytes; sometimes a block length, which the reader must reject.
                int at = 100 + random.Next(mutated.Length - 100);
                mutated[at] = (byte)random.Next(256);
            }

            using TempFile file = TestTranscripts.Write(mutated);

            CliRun run = CliRun.Of([.. command, file.Path]);

            Assert.True(run.ExitCode is 0 or 1 or 2, $"seed {seed}: exit {run.ExitCode}: {run.Stderr}");
            Assert.True(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 1, $"seed {seed}: {run.Stderr}");
        }
    }
}
