using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Cli.Trace;
using FuseWire.Transports;

namespace FuseWire.IntegrationTests.Trace;

/// <summary>
/// <c>fusewire trace</c> run in-process (TraceCommand.Run on its own thread) in front of Debian's sshfs, which talks SFTP to a
/// local sftp-server started by a stand-in for ssh (sshfs's <c>ssh_command</c>: a script that ignores its arguments and runs
/// sftp-server). Disposing stops the trace, waits for it (bounded), and in every case removes the mount and kills whatever
/// process is still running with this trace's directory on its command line.
/// </summary>
internal sealed class SshfsTrace : IDisposable
{
    public const string SftpServer = "/usr/lib/openssh/sftp-server";
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly Task<int> _run;
    private int _disposed;

    public SshfsTrace(bool quiet = true)
    {
        Root = Directory.CreateTempSubdirectory("fusewire-trace-").FullName;
        Served = Directory.CreateDirectory(Path.Combine(Root, "served")).FullName;
        MountPoint = Directory.CreateDirectory(Path.Combine(Root, "mnt")).FullName;
        TranscriptPath = Path.Combine(Root, "trace.pcapng");
        string fakeSsh = Path.Combine(Root, "fake-ssh");
        File.WriteAllText(fakeSsh, $"#!/bin/sh\nexec {SftpServer}\n");
        File.SetUnixFileMode(fakeSsh, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        List<string> args = [];
        if (quiet)
        {
            args.Add("-q");
        }

        args.AddRange(["-w", TranscriptPath, MountPoint, "--", "sshfs", "-f", "-o", "ssh_command=" + fakeSsh, "localhost:" + Served, "{}"]);
        TextWriter stdout = TextWriter.Synchronized(_stdout);
        TextWriter stderr = TextWriter.Synchronized(_stderr);
        _run = Task.Factory.StartNew(
            () => TraceCommand.Run([.. args], stdout, stderr, _stop.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public static bool CanRun => MemFsMount.CanMount && File.Exists(SftpServer) && Shell.Exists("sshfs");

    public string Root { get; }

    public string Served { get; }

    public string MountPoint { get; }

    public string TranscriptPath { get; }

    public string Output => _stdout.ToString();

    public string Errors => _stderr.ToString();

    /// <summary>Waits until the mount answers (INIT done, sshfs connected): a directory listing succeeds within the deadline.</summary>
    public void WaitUntilServing()
    {
        DateTime deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline && !_run.IsCompleted)
        {
            if (FuseMount.IsMountPoint(MountPoint) && Shell.Run("ls", [MountPoint], TimeSpan.FromSeconds(20)).ExitCode == 0)
            {
                return;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"the traced mount did not answer within {Deadline.TotalSeconds} s (trace ended: {_run.IsCompleted}); stderr: {Errors}");
    }

    /// <summary>What Ctrl-C does; returns the exit status once the command has finished (within the deadline).</summary>
    public int Stop()
    {
        _stop.Cancel();
        return WaitForExit();
    }

    /// <summary>Waits for the command to finish by itself (the daemon ended); returns its exit status.</summary>
    public int WaitForExit()
    {
        if (!_run.Wait(Deadline))
        {
            throw new TimeoutException($"fusewire trace did not finish within {Deadline.TotalSeconds} s; stderr: {Errors}");
        }

        return _run.Result;
    }

    /// <summary>The pids of the processes whose command line mentions this trace's directory (sshfs, the fake ssh's sftp-server is
    /// started by it and named by nothing; sshfs's arguments name the served directory).</summary>
    public IReadOnlyList<int> DaemonProcesses()
    {
        List<int> pids = [];
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(Root, StringComparison.Ordinal))
                {
                    pids.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return pids;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        bool finished = _run.Wait(Deadline);
        foreach (int pid in DaemonProcesses())
        {
            try
            {
                using System.Diagnostics.Process process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                _ = process.WaitForExit(5000);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }

        if (FuseMount.IsMountPoint(MountPoint))
        {
            _ = Shell.Run("umount", ["-l", MountPoint], TimeSpan.FromSeconds(20));
        }

        if (finished)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning.
            }
        }

        _stop.Dispose();
    }
}
