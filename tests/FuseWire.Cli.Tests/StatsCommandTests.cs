using System;
using Snapshooter.Xunit;
using Xunit;

namespace FuseWire.Cli.Tests;

public sealed class StatsCommandTests
{
    [Fact]
    public void Stats_tabulates_opcodes_errors_latencies_and_the_protocol()
    {
        CliRun run = CliRun.Of("stats", TestTranscripts.MemFs);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Snapshot.Match(run.Stdout.Replace(TestTranscripts.MemFs, TestTranscripts.MemFsRelative, StringComparison.Ordinal), SnapshotFiles.For("StatsCommandTests.MemFs"));
    }

    [Fact]
    public void Stats_counts_violations_by_rule()
    {
        using TempFile file = TestTranscripts.Write(Recording.HandWrittenTranscripts.WithViolations());

        CliRun run = CliRun.Of("stats", file.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("violations     PayloadTooShort 1, NameNotTerminated 1, ErrorOutOfRange 1, UniqueNotOutstanding 1, DuplicateReply 1\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("connection 0  protocol 7.45 (kernel 7.45, daemon 7.45)\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("flags ASYNC_READ|INIT_EXT\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_of_a_clean_exchange_gives_exact_latency()
    {
        using TempFile file = TestTranscripts.Write(Recording.HandWrittenTranscripts.Clean());

        CliRun run = CliRun.Of("stats", file.Path);

        Assert.Matches(@"\nLOOKUP +1 +1 +12\.5us +12\.5us +12\.5us +12\.5us +42 +16 +ENOENT=1\n", run.Stdout);
        Assert.Matches(@"\nINIT +1 +1 +10\.0us ", run.Stdout);
    }
}
