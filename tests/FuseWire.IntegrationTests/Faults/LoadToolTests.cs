using System;
using Xunit;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>fio with checksummed verification and stress-ng's file-system stressors, on a mount of their own.</summary>
public sealed class LoadToolTests
{
    [SkippableFact]
    public void Fio_four_jobs_of_mixed_block_sizes_verify_with_crc32c_without_errors()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(Shell.Exists("fio"), "fio is not installed (run-tests.sh installs it)");
        using MemFsMount fs = new(workers: 4);
        string dir = fs.NewDirectory("fio");

        ShellResult result = Shell.Run(
            "fio",
            [
                "--name=faults", $"--directory={dir}", "--numjobs=4", "--size=32m", "--rw=randwrite", "--bsrange=4k-256k",
                "--ioengine=psync", "--verify=crc32c", "--do_verify=1", "--verify_fatal=1", "--verify_state_save=0",
                "--fsync=64", "--group_reporting",
            ],
            TimeSpan.FromMinutes(2),
            workingDirectory: dir);

        Assert.True(result.ExitCode == 0, $"fio exited with {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        Assert.Contains("err= 0", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("verify", result.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"WRITE: bw=.*io=128MiB", result.StandardOutput); // 4 jobs x 32 MiB all written
        fs.AssertHealthy();
    }

    [SkippableFact]
    public void Stress_ng_hdd_and_dir_stressors_run_20_s_without_a_failure()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(Shell.Exists("stress-ng"), "stress-ng is not installed (run-tests.sh installs it)");
        using MemFsMount fs = new(workers: 4);
        string dir = fs.NewDirectory("stress");

        ShellResult result = Shell.Run(
            "stress-ng",
            ["--hdd", "2", "--hdd-bytes", "16M", "--dir", "2", "--dir-dirs", "2048", "--verify", "--timeout", "20s", "--temp-path", dir, "--metrics-brief"],
            TimeSpan.FromSeconds(90),
            workingDirectory: dir);

        string output = result.StandardError + result.StandardOutput;
        Assert.True(result.ExitCode == 0, $"stress-ng exited with {result.ExitCode}: {output}");
        Assert.DoesNotContain("fail", output, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"successful run completed", output);
        Assert.Matches(@"hdd\s+\d+", output);
        Assert.Matches(@"dir\s+\d+", output);
        fs.AssertHealthy();
    }
}
