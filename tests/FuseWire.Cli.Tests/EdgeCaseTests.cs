using System;
using System.IO;
using FuseWire.Cli.Tests.Recording;
using Xunit;

namespace FuseWire.Cli.Tests;

public sealed class EdgeCaseTests
{
    [Fact]
    public void A_frame_recorded_truncated_shows_its_header_and_still_pairs_its_reply()
    {
        using TempFile file = TestTranscripts.Write(HandWrittenTranscripts.WithTruncatedWrite());

        CliRun check = CliRun.Of("check", file.Path);
        CliRun dump = CliRun.Of("dump", "--unique", "4", file.Path);

        Assert.Equal(0, check.ExitCode);
        string[] lines = dump.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(" -> WRITE unique=4 nodeid=2 <80 of 65616 bytes captured>", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(" <- reply unique=4 WRITE size=65536 latency=50.000us", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Connections_are_followed_apart_even_with_the_same_uniques()
    {
        using TempFile file = TestTranscripts.Write(HandWrittenTranscripts.TwoConnections());

        CliRun check = CliRun.Of("check", file.Path);
        CliRun dump = CliRun.Of("dump", file.Path);
        CliRun stats = CliRun.Of("stats", file.Path);

        Assert.Equal(0, check.ExitCode);
        Assert.Equal("8 frames, 0 violations, 0 warnings\n", check.Stdout);
        Assert.Contains(" if=1 <- reply unique=4 error=-ENOENT latency=1.000us", dump.Stdout, StringComparison.Ordinal);
        Assert.Contains("0.000007000 <- reply unique=4 error=-ENOENT latency=3.000us", dump.Stdout, StringComparison.Ordinal);
        Assert.Contains("connection 0  protocol 7.45", stats.Stdout, StringComparison.Ordinal);
        Assert.Contains("connection 1  protocol 7.45", stats.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_failure_is_one_line_and_exit_3()
    {
        using var stderr = new StringWriter();

        int code = Program.Run(["check", TestTranscripts.MemFs], new FailingWriter(), stderr);

        Assert.Equal(3, code);
        Assert.Equal("fusewire: internal error: InvalidOperationException: the writer failed\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>A writer that fails with something other than an I/O error on its first write.</summary>
    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the writer failed");

        public override void Write(string? value) => throw new InvalidOperationException("the writer failed");

        public override void Write(char[] buffer, int index, int count) => throw new InvalidOperationException("the writer failed");

        public override void Write(ReadOnlySpan<char> buffer) => throw new InvalidOperationException("the writer failed");
    }
}
