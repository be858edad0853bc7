using System;
using System.IO;
using FuseWire.Cli.Tests.Recording;
using Xunit;

namespace FuseWire.Cli.Tests;

public sealed class RecordingTests
{
    [Fact]
    public void A_fresh_recording_of_memfs_checks_clean_and_pairs_every_reply()
    {
        using var stream = new MemoryStream();
        MemFsRecorder.Record(stream);
        using TempFile file = TestTranscripts.Write(stream.ToArray());

        CliRun check = CliRun.Of("check", file.Path);
        CliRun stats = CliRun.Of("stats", file.Path);

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("protocol 7.45 (kernel 7.45, daemon 7.45)", stats.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("replies matching no request", stats.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("unanswered", stats.Stdout, StringComparison.Ordinal);
    }

    /// <summary>Rewrites the committed transcript (run with FUSEWIRE_RECORD_TRANSCRIPTS=1, then update the snapshots and commit both).</summary>
    [SkippableFact]
    public void Regenerate_committed_transcript()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("FUSEWIRE_RECORD_TRANSCRIPTS") == "1", "set FUSEWIRE_RECORD_TRANSCRIPTS=1 to re-record Transcripts/memfs.pcapng");
        string path = Path.Combine(SnapshotFiles.ProjectDirectory(), "Transcripts", "memfs.pcapng");
        using (var output = File.Create(path))
        {
            MemFsRecorder.Record(output);
        }

        Assert.True(new FileInfo(path).Length > 0);
    }
}
