using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Proxy;
using FuseWire.Transcripts;
using FuseWire.Transports;

namespace FuseWire.Cli.Trace;

/// <summary>
/// <c>fusewire trace MOUNTPOINT -- DAEMON ARGS...</c>: a live proxy in NetBSD perfused's place. Mounts MOUNTPOINT itself, starts a
/// libfuse daemon on one end of a SOCK_SEQPACKET socketpair (as <c>/dev/fd/N</c>), and forwards and checks every frame between
/// the kernel and the daemon (<see cref="FuseProxy"/>), printing them, or a summary, and recording them.
/// </summary>
public static class TraceCommand
{
    private static readonly TimeSpan DaemonGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs the command; SIGINT and SIGTERM end it cleanly (unmount, daemon stopped).</summary>
    /// <param name="args">The arguments after <c>trace</c>.</param>
    /// <param name="stdout">Where frame lines and the summary go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        using CancellationTokenSource stop = new();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // no abrupt exit: unmount first
            stop.Cancel();
        }

        using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        return Run(args, stdout, stderr, stop.Token);
    }

    /// <summary>Runs the command until <paramref name="stop"/> is cancelled (what Ctrl-C does), the file system is unmounted,
    /// or the daemon exits; in every case the mount is removed and the daemon stopped before it returns.</summary>
    /// <param name="args">The arguments after <c>trace</c>.</param>
    /// <param name="stdout">Where frame lines and the summary go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="stop">Ends the trace as Ctrl-C would.</param>
    /// <returns>The exit status (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args is ["-h" or "--help"])
        {
            stdout.WriteLine(TraceOptions.Usage);
            return ExitCodes.Ok;
        }

        TraceOptions? options = TraceOptions.Parse(args, out string? error);
        if (options is null)
        {
            stderr.WriteLine($"fusewire trace: {error}");
            stderr.WriteLine(TraceOptions.Usage);
            return ExitCodes.Usage;
        }

        if (!Directory.Exists(options.MountPoint))
        {
            stderr.WriteLine($"fusewire trace: the mountpoint '{options.MountPoint}' is not a directory");
            return ExitCodes.Usage;
        }

        FuseTranscriptWriter? transcript = null;
        try
        {
            if (options.TranscriptPath is { } path)
            {
                transcript = new FuseTranscriptWriter(File.Create(path)) { MaxCapturedLength = options.SnapLength };
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"fusewire trace: cannot write '{options.TranscriptPath}': {e.Message}");
            return ExitCodes.Usage;
        }

        using (transcript)
        {
            return Trace(options, transcript, stdout, stderr, stop);
        }
    }

    private static int Trace(TraceOptions options, FuseTranscriptWriter? transcript, TextWriter stdout, TextWriter stderr, CancellationToken stop)
    {
        (Socket proxyEnd, Socket daemonEnd) = FuseSocketTransport.CreateSocketPair(SocketType.Seqpacket);
        int daemonFd = (int)daemonEnd.SafeHandle.DangerousGetHandle();
        string device = $"/dev/fd/{daemonFd}";
        IReadOnlyList<string>? daemonArgs = options.SubstituteDevice(device);
        if (daemonArgs is null)
        {
            proxyEnd.Dispose();
            daemonEnd.Dispose();
            stderr.WriteLine($"fusewire trace: no daemon argument is {TraceOptions.Placeholder} or the mountpoint; nothing to replace with {device}");
            return ExitCodes.Usage;
        }

        FuseMount mount;
        try
        {
            mount = FuseMount.Mount(options.MountPoint, options.MountOptions);
        }
        catch (IOException e)
        {
            proxyEnd.Dispose();
            daemonEnd.Dispose();
            stderr.WriteLine($"fusewire trace: cannot mount '{options.MountPoint}': {e.Message}");
            return ExitCodes.Usage;
        }

        TraceRecorder recorder = new(options.Quiet ? null : stdout, transcript?.CreateObserver(transcript.AddInterface(mount.MountPoint)));
        using FuseProxy proxy = new(mount.Device, new FuseSocketTransport(proxyEnd), new FuseProxyOptions { Observer = recorder.Observe, SpinBeforeBlocking = options.Spin });
        Process? daemon = null;
        string outcome;
        try
        {
            proxy.Start();
            daemon = StartDaemon(options, daemonArgs, daemonEnd, daemonFd, stderr);
            if (daemon is null)
            {
                return ExitCodes.Usage;
            }

            outcome = Wait(proxy, daemon, mount, stderr, stop);
        }
        finally
        {
            // In every case: no mount left behind, no daemon left running.
            // Unmount, then close both ends (the daemon reads end-of-file even when a busy lazy unmount keeps the kernel side
            // alive), then make sure the daemon is gone.
            Unmount(mount, stderr);
            proxy.Dispose();
            if (daemon is not null)
            {
                StopDaemon(daemon);
                daemon.Dispose();
            }
        }

        transcript?.Flush();
        recorder.Statistics.WriteSummary(stdout, outcome);
        return proxy.Completion.IsFaulted ? ExitCodes.Internal
            : recorder.Statistics.Violations > 0 ? ExitCodes.Violations
            : ExitCodes.Ok;
    }

    /// <summary>Starts the daemon with its end of the socketpair inherited (FD_CLOEXEC cleared just before), and closes that end here.</summary>
    private static Process? StartDaemon(TraceOptions options, IReadOnlyList<string> daemonArgs, Socket daemonEnd, int daemonFd, TextWriter stderr)
    {
        ProcessStartInfo start = new(options.Daemon) { UseShellExecute = false };
        foreach (string arg in daemonArgs)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            if (!NativeMethods.ClearCloseOnExec(daemonFd))
            {
                stderr.WriteLine($"fusewire trace: fcntl(F_SETFD) on the daemon's descriptor failed (errno {Marshal.GetLastPInvokeError()})");
                return null;
            }

            return Process.Start(start) ?? throw new Win32Exception("Process.Start returned no process.");
        }
        catch (Win32Exception e)
        {
            stderr.WriteLine($"fusewire trace: cannot start '{options.Daemon}': {e.Message}");
            return null;
        }
        finally
        {
            // Only the daemon holds this end now. Disposing a socket no operation ever ran on is a plain close(2), no shutdown(2)
            // (which would end the daemon's connection too).
            daemonEnd.Dispose();
        }
    }

    /// <summary>Waits for the first of: a stop request, the proxy's end (unmount, or the daemon closed its end), the daemon's exit.</summary>
    private static string Wait(FuseProxy proxy, Process daemon, FuseMount mount, TextWriter stderr, CancellationToken stop)
    {
        Task exited = daemon.WaitForExitAsync(CancellationToken.None);
        Task stopped = Task.Delay(Timeout.Infinite, stop);
        Task first = Task.WhenAny(proxy.Completion, exited, stopped).GetAwaiter().GetResult();
        if (first == exited)
        {
            // The daemon is gone; whatever it still owed is answered ENOTCONN, even if a child of it keeps the socket open.
            proxy.CloseDaemonSide();
            _ = proxy.Completion.Wait(DaemonGrace, CancellationToken.None);
            return Exited(daemon);
        }

        if (first == stopped)
        {
            return "stopped by a signal";
        }

        if (proxy.Completion.IsFaulted)
        {
            stderr.WriteLine($"fusewire trace: the proxy failed: {proxy.Completion.Exception?.InnerException?.Message}");
            return "the proxy failed";
        }

        FuseProxyExit exit = proxy.Completion.Result;
        if (exit == FuseProxyExit.DaemonEnded)
        {
            bool ended = daemon.WaitForExit(DaemonGrace);
            return ended ? Exited(daemon) : "the daemon closed its connection";
        }

        stderr.WriteLine($"fusewire trace: {mount.MountPoint} was unmounted");
        return "unmounted";
    }

    /// <summary>How the daemon ended: its exit status, or the signal that killed it (.NET reports 128 + the signal).</summary>
    private static string Exited(Process daemon) =>
        daemon.ExitCode > 128 ? $"the daemon was killed by signal {daemon.ExitCode - 128}" : $"the daemon exited with {daemon.ExitCode}";

    private static void Unmount(FuseMount mount, TextWriter stderr)
    {
        try
        {
            mount.Unmount(detach: true);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"fusewire trace: unmount failed: {e.Message}");
        }
    }

    /// <summary>After the unmount the daemon reads end-of-file and exits; if it has not within a few seconds, SIGTERM, then SIGKILL.</summary>
    private static void StopDaemon(Process daemon)
    {
        if (daemon.WaitForExit(DaemonGrace))
        {
            return;
        }

        try
        {
            daemon.Kill(entireProcessTree: true);
            _ = daemon.WaitForExit(DaemonGrace);
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }
}
