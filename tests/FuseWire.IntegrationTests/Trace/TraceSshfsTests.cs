using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.IntegrationTests.Trace;

/// <summary><c>fusewire trace</c> in front of a real libfuse3 daemon (sshfs 3.7 over a local sftp-server).</summary>
public sealed class TraceSshfsTests
{
    private const string SkipReason = "needs root, /dev/fuse, sshfs and openssh-sftp-server (run-tests.sh installs them)";

    [SkippableFact]
    public void A_workload_through_the_traced_sshfs_works_and_its_transcript_checks_clean_with_the_expected_opcodes()
    {
        Skip.IfNot(SshfsTrace.CanRun, SkipReason);
        using SshfsTrace trace = new();
        string source = Path.Combine(trace.Root, "src");
        string[] files = WriteTree(source);
        trace.WaitUntilServing();
        string copy = Path.Combine(trace.MountPoint, "tree");
        string served = Path.Combine(trace.Served, "tree");

        _ = Shell.Check("cp", ["-r", source, copy]);
        string listing = Shell.Check("ls", ["-lR", copy]);
        Assert.Contains("blob-1m", listing, StringComparison.Ordinal);
        string expected = Sums(source);
        Assert.Equal(expected, Sums(copy));
        Assert.Equal(expected, Sums(served));

        _ = Shell.Check("mv", [Path.Combine(copy, "small.txt"), Path.Combine(copy, "moved.txt")]);
        _ = Shell.Check("rm", [Path.Combine(copy, "sub", "b.bin")]);
        _ = Shell.Check("mkdir", [Path.Combine(copy, "fresh")]);
        _ = Shell.Check("rmdir", [Path.Combine(copy, "fresh")]);
        Assert.True(File.Exists(Path.Combine(served, "moved.txt")));
        Assert.False(File.Exists(Path.Combine(served, "small.txt")));
        Assert.False(File.Exists(Path.Combine(served, "sub", "b.bin")));

        int exit = trace.Stop();
        Assert.True(exit == 0, $"exit {exit}; stdout: {trace.Output}; stderr: {trace.Errors}");
        Assert.False(FuseMount.IsMountPoint(trace.MountPoint), "the mount outlived the trace");
        Assert.True(SpinWait.SpinUntil(() => trace.DaemonProcesses().Count == 0, TimeSpan.FromSeconds(10)), "sshfs outlived the trace");
        Assert.Contains("0 violations", trace.Output, StringComparison.Ordinal);

        using StringWriter checkOut = new();
        using StringWriter checkErr = new();
        int check = FuseWire.Cli.Program.Run(["check", trace.TranscriptPath], checkOut, checkErr);
        Assert.True(check == 0, $"fusewire check exited {check}: {checkOut}{checkErr}");

        TranscriptReplay replay = TranscriptReplay.Read(trace.TranscriptPath);
        Assert.True(replay.Violations.Count == 0, string.Join(Environment.NewLine, replay.Violations));
        Assert.Equal(0, replay.Outstanding);
        Assert.Equal(1, replay.Count(FuseOpcode.Init));
        Assert.True(replay.Count(FuseOpcode.Create) >= files.Length, $"CREATE {replay.Count(FuseOpcode.Create)} for {files.Length} files");
        Assert.True(replay.Count(FuseOpcode.Write) >= files.Length - 1, $"WRITE {replay.Count(FuseOpcode.Write)}"); // every file but the empty one
        Assert.True(replay.Count(FuseOpcode.Mkdir) >= 3, $"MKDIR {replay.Count(FuseOpcode.Mkdir)}"); // tree, tree/sub, tree/fresh
        Assert.True(replay.Count(FuseOpcode.Rename) + replay.Count(FuseOpcode.Rename2) >= 1, "no RENAME for mv");
        Assert.True(replay.Count(FuseOpcode.Unlink) >= 1, "no UNLINK for rm");
        Assert.True(replay.Count(FuseOpcode.Rmdir) >= 1, "no RMDIR for rmdir");
        Assert.True(replay.Replies >= replay.Requests.Values.Sum() - replay.Count(FuseOpcode.Forget) - replay.Count(FuseOpcode.BatchForget) - replay.Count(FuseOpcode.Interrupt));
    }

    [SkippableFact]
    public void When_sshfs_dies_mid_request_the_waiting_caller_gets_enotconn_and_the_mount_is_removed()
    {
        Skip.IfNot(SshfsTrace.CanRun, SkipReason);
        using SshfsTrace trace = new();
        trace.WaitUntilServing();
        int sshfs = Assert.Single(trace.DaemonProcesses(), pid => File.ReadAllText($"/proc/{pid}/comm").Trim() == "sshfs");
        _ = Shell.Check("kill", ["-STOP", sshfs.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Task<ShellResult> stat = Task.Run(() => Shell.Run("stat", [Path.Combine(trace.MountPoint, "never-answered")], TimeSpan.FromSeconds(30)));
        Assert.False(stat.Wait(TimeSpan.FromMilliseconds(500)), "stat returned while sshfs was stopped");
        using (Process process = Process.GetProcessById(sshfs))
        {
            process.Kill();
        }

        Assert.True(stat.Wait(TimeSpan.FromSeconds(30)), "stat still waits after sshfs died");
        Assert.NotEqual(0, stat.Result.ExitCode);
        Assert.Contains("Transport endpoint is not connected", stat.Result.StandardError, StringComparison.Ordinal);
        int exit = trace.WaitForExit();
        Assert.True(exit == 0, $"exit {exit}; stdout: {trace.Output}; stderr: {trace.Errors}");
        Assert.Contains("killed by signal 9", trace.Output, StringComparison.Ordinal);
        Assert.Matches("[1-9][0-9]* requests answered ENOTCONN by the proxy", trace.Output);
        Assert.False(FuseMount.IsMountPoint(trace.MountPoint), "the mount outlived the daemon");
    }

    /// <summary>A small tree: files of 0 B to just over 1 MiB (more than one WRITE), one in a subdirectory.</summary>
    private static string[] WriteTree(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, "sub"));
        (string Name, int Size)[] files = [("empty", 0), ("small.txt", 13), ("page.bin", 4096), ("odd.bin", 70_001), ("blob-1m", (1 << 20) + 3), ("sub/b.bin", 9000)];
        Random random = new(42);
        foreach ((string name, int size) in files)
        {
            byte[] data = new byte[size];
            random.NextBytes(data);
            File.WriteAllBytes(Path.Combine(root, name), data);
        }

        return Array.ConvertAll(files, f => f.Name);
    }

    /// <summary>sha256sum of every file under <paramref name="dir"/>, by relative path, sorted.</summary>
    private static string Sums(string dir) =>
        Shell.CheckSh("find . -type f | LC_ALL=C sort | xargs sha256sum", workingDirectory: dir);
}
