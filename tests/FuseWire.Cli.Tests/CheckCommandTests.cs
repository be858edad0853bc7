using System;
using System.IO;
using FuseWire.Cli.Tests.Recording;
using Snapshooter.Xunit;
using Xunit;

namespace FuseWire.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void The_recorded_memfs_session_is_clean()
    {
        CliRun run = CliRun.Of("check", TestTranscripts.MemFs);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Assert.Matches(@"^\d+ frames, 0 violations, 0 warnings\n$", run.Stdout);
    }

    [Fact]
    public void Violations_are_listed_with_frame_unique_and_rule_and_exit_1()
    {
        using TempFile file = TestTranscripts.Write(HandWrittenTranscripts.WithViolations());

        CliRun run = CliRun.Of("check", file.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Stderr);
        Snapshot.Match(run.Stdout, SnapshotFiles.For("CheckCommandTests.Violations"));
    }

    [Fact]
    public void A_truncated_file_exits_2_naming_the_offset_after_listing_what_came_before()
    {
        byte[] whole = File.ReadAllBytes(TestTranscripts.MemFs);
        using TempFile file = TestTranscripts.Write(whole.AsSpan(0, whole.Length - 7).ToArray());

        CliRun run = CliRun.Of("check", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"^fusewire check: '.*' is not a readable transcript: .*offset \d+.*\n$", run.Stderr);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    public void Garbage_is_not_a_transcript_and_exits_2(int length)
    {
        byte[] garbage = new byte[length];
        new Random(length).NextBytes(garbage);
        using TempFile file = TestTranscripts.Write(garbage);

        CliRun run = CliRun.Of("check", file.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("fusewire check: ", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_cut_of_the_transcript_exits_0_or_2_never_with_a_stack_trace()
    {
        byte[] whole = File.ReadAllBytes(TestTranscripts.MemFs);
        for (int length = 0; length < whole.Length; length += 97)
        {
            using TempFile file = TestTranscripts.Write(whole.AsSpan(0, length).ToArray());

            CliRun run = CliRun.Of("check", file.Path);

            Assert.True(run.ExitCode is 0 or 2, $"cut at {length}: exit {run.ExitCode}: {run.Stderr}");
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_capture_that_starts_after_INIT_is_decoded_at_the_minor_given()
    {
        using TempFile file = TestTranscripts.Write(HandWrittenTranscripts.Skip(TestTranscripts.MemFs, 2));

        CliRun newest = CliRun.Of("check", file.Path);
        CliRun old = CliRun.Of("check", "--minor", "7.8", file.Path);

        Assert.Equal(0, newest.ExitCode);
        Assert.Equal(1, old.ExitCode);
        Assert.Contains("PayloadTooLong", old.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_makes_a_long_reply_a_violation()
    {
        byte[] transcript = HandWrittenTranscripts.WithLongReply();
        using TempFile file = TestTranscripts.Write(transcript);

        CliRun lenient = CliRun.Of("check", file.Path);
        CliRun strict = CliRun.Of("check", "--strict", file.Path);

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("warning: ", lenient.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("violation: ", strict.Stdout, StringComparison.Ordinal);
    }
}
