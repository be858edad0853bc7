using System;
using System.Linq;
using System.Text.Json;
using FuseWire.Cli.Tests.Recording;
using Snapshooter.Xunit;
using Xunit;

namespace FuseWire.Cli.Tests;

public sealed class DumpCommandTests
{
    [Fact]
    public void Dump_shows_every_frame_with_replies_paired_and_timed()
    {
        CliRun run = CliRun.Of("dump", TestTranscripts.MemFs);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Snapshot.Match(run.Stdout, SnapshotFiles.For("DumpCommandTests.Text"));
    }

    [Fact]
    public void Dump_json_shows_every_frame_under_fuse_h_names()
    {
        CliRun run = CliRun.Of("dump", "--json", TestTranscripts.MemFs);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        Snapshot.Match(run.Stdout, SnapshotFiles.For("DumpCommandTests.Json"));
    }

    [Fact]
    public void Dump_json_is_one_object_per_frame_with_nested_structs()
    {
        CliRun text = CliRun.Of("dump", TestTranscripts.MemFs);
        CliRun run = CliRun.Of("dump", "--json", TestTranscripts.MemFs);

        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, lines.Length);
        JsonElement[] frames = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();
        JsonElement mkdirReply = frames.Single(f => f.GetProperty("direction").GetString() == "reply" && f.GetProperty("opcode_name").GetString() == "MKDIR");
        Assert.Equal(0x41EDu, mkdirReply.GetProperty("entry_out").GetProperty("attr").GetProperty("mode").GetUInt32());
        JsonElement write = frames.Single(f => f.GetProperty("direction").GetString() == "request" && f.GetProperty("opcode_name").GetString() == "WRITE");
        Assert.Equal(12u, write.GetProperty("write_in").GetProperty("size").GetUInt32());
        Assert.Equal(12, write.GetProperty("data_len").GetInt32());
        Assert.Equal(16u, write.GetProperty("opcode").GetUInt32());
        Assert.True(frames.Where(f => f.GetProperty("direction").GetString() == "reply").All(f => f.GetProperty("latency_ns").GetInt64() >= 0));
    }

    [Fact]
    public void Opcode_filter_keeps_the_requests_and_their_replies()
    {
        CliRun run = CliRun.Of("dump", "--opcode", "lookup", TestTranscripts.MemFs);

        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(6, lines.Length);
        Assert.Equal(3, lines.Count(l => l.Contains(" -> LOOKUP ", StringComparison.Ordinal)));
        Assert.Equal(3, lines.Count(l => l.Contains(" <- reply ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Unique_filter_keeps_one_exchange()
    {
        CliRun run = CliRun.Of("dump", "--unique=4", TestTranscripts.MemFs);

        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(" -> LOOKUP unique=4 ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" <- reply unique=4 error=-ENOENT", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_only_keeps_error_replies_and_findings()
    {
        CliRun run = CliRun.Of("dump", "--errors-only", TestTranscripts.MemFs);

        string[] lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains(" error=-", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_show_inline()
    {
        using TempFile file = TestTranscripts.Write(HandWrittenTranscripts.WithViolations());

        CliRun run = CliRun.Of("dump", file.Path);

        Assert.Equal(0, run.ExitCode);
        Snapshot.Match(run.Stdout, SnapshotFiles.For("DumpCommandTests.Violations"));
    }

    [Fact]
    public void Violations_show_in_json()
    {
        using TempFile file = TestTranscripts.Write(HandWrittenTranscripts.WithViolations());

        CliRun run = CliRun.Of("dump", "--json", "--errors-only", file.Path);

        string[] rules = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(f => f.TryGetProperty("violation", out _))
            .Select(f => f.GetProperty("violation").GetProperty("rule").GetString()!)
            .ToArray();
        Assert.Equal(["PayloadTooShort", "UniqueNotOutstanding", "ErrorOutOfRange", "NameNotTerminated", "DuplicateReply"], rules);
    }
}
