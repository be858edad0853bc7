using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using FuseWire.Interop;

namespace FuseWire.Transports;

/// <summary>
/// Mounts and unmounts through the setuid <c>fusermount3</c> helper, as libfuse does for unprivileged users: the helper
/// opens /dev/fuse, mounts, and passes the descriptor back over a Unix socket named by <c>_FUSE_COMMFD</c>.
/// </summary>
internal static class Fusermount
{
    /// <summary>The helper's name, looked up in PATH.</summary>
    internal const string DefaultProgram = "fusermount3";

    /// <summary>The environment variable that names the socket the helper sends the descriptor to.</summary>
    internal const string CommFdVariable = "_FUSE_COMMFD";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    /// <summary>Runs <c>fusermount3 -o options -- mountPoint</c> and receives the mounted /dev/fuse descriptor.</summary>
    /// <param name="mountPoint">The absolute mount point.</param>
    /// <param name="options">The option string (no fd/rootmode/user_id/group_id: the helper adds those).</param>
    /// <param name="userName">Run the helper as this user (tests), or null to run it as ourselves.</param>
    /// <param name="keepAlive">With <c>auto_unmount</c>: our end of the socket, which must stay open while mounted (the helper
    /// unmounts when it closes); otherwise -1.</param>
    /// <returns>The descriptor, close-on-exec.</returns>
    internal static int Mount(string mountPoint, string options, string? userName, out int keepAlive)
    {
        keepAlive = -1;
        bool autoUnmount = options.Contains("auto_unmount", StringComparison.Ordinal);
        FdPassing.CreateSocketPair(out int ours, out int theirs);
        try
        {
            // The child's end must survive exec: clear its close-on-exec flag (ours keeps it).
            if (LibC.Fcntl(theirs, LibC.FSetFd, 0) != 0)
            {
                throw Errors.IO("fcntl(F_SETFD)", Marshal.GetLastPInvokeError());
            }

            ProcessStartInfo start = CreateStartInfo(userName, ["-o", options, "--", mountPoint]);
            start.Environment[CommFdVariable] = theirs.ToString(CultureInfo.InvariantCulture);
            using Process process = Process.Start(start) ?? throw new IOException($"Could not start {DefaultProgram}.");
            Task<string> errors = process.StandardError.ReadToEndAsync();
            _ = LibC.Close(theirs);
            theirs = -1;

            int fd = ReceiveFrom(process, ours);

            // With auto_unmount the helper stays behind to unmount when we exit; otherwise it exits right after sending.
            bool exited = fd >= 0 && autoUnmount ? process.HasExited : process.WaitForExit(s_timeout);
            string stderr = exited && errors.Wait(s_timeout) ? errors.Result.Trim() : string.Empty;
            if (fd < 0)
            {
                throw new IOException($"{DefaultProgram} did not pass back a /dev/fuse descriptor (exit code {(exited ? process.ExitCode : -1)}): {stderr}");
            }

            if (exited && process.ExitCode != 0)
            {
                _ = LibC.Close(fd);
                throw new IOException($"{DefaultProgram} failed (exit code {process.ExitCode}): {stderr}");
            }

            if (autoUnmount)
            {
                keepAlive = ours;
                ours = -1;
            }

            return fd;
        }
        finally
        {
            if (ours >= 0)
            {
                _ = LibC.Close(ours);
            }

            if (theirs >= 0)
            {
                _ = LibC.Close(theirs);
            }
        }
    }

    private static int ReceiveFrom(Process process, int socket)
    {
        Stopwatch clock = Stopwatch.StartNew();
        while (!FdPassing.WaitReadable(socket, 100))
        {
            if (process.HasExited)
            {
                // Gone without a word: a descriptor sent just before exiting is still queued; otherwise nothing comes
                // (and no end-of-file either if another child inherited the helper's end meanwhile).
                return FdPassing.Receive(socket, dontWait: true);
            }

            if (clock.Elapsed > s_timeout)
            {
                process.Kill();
                throw new IOException($"{DefaultProgram} did not pass back a /dev/fuse descriptor within {s_timeout.TotalSeconds} s.");
            }
        }

        return FdPassing.Receive(socket);
    }

    /// <summary>Runs <c>fusermount3 -u [-z] -q -- mountPoint</c>.</summary>
    /// <param name="mountPoint">The mount point.</param>
    /// <param name="detach">Lazy unmount.</param>
    /// <param name="userName">Run the helper as this user, or null.</param>
    /// <returns>The exit code and standard error.</returns>
    internal static (int ExitCode, string Errors) Unmount(string mountPoint, bool detach, string? userName)
    {
        List<string> arguments = ["-u", "-q"];
        if (detach)
        {
            arguments.Add("-z");
        }

        arguments.Add("--");
        arguments.Add(mountPoint);
        using Process process = Process.Start(CreateStartInfo(userName, arguments)) ?? throw new IOException($"Could not start {DefaultProgram}.");
        Task<string> errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill();
            throw new IOException($"{DefaultProgram} -u did not finish within {s_timeout.TotalSeconds} s.");
        }

        return (process.ExitCode, errors.Wait(s_timeout) ? errors.Result.Trim() : string.Empty);
    }

    private static ProcessStartInfo CreateStartInfo(string? userName, IEnumerable<string> arguments)
    {
        ProcessStartInfo start = new(DefaultProgram)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            RedirectStandardInput = false,
        };
        if (userName is not null)
        {
            start.UserName = userName;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
