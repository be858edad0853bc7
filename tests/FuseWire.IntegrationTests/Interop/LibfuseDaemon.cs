using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Transports;
using Xunit;
using Xunit.Sdk;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// A real libfuse daemon serving FUSE over a SOCK_SEQPACKET socketpair instead of /dev/fuse: its mountpoint argument is
/// <c>/dev/fd/N</c>, N being its inherited end of the pair, and <see cref="Transport"/> is the test's end, where the test plays the
/// kernel. The process runs in the foreground with stderr captured; it is killed at <see cref="Deadline"/> and in any case by
/// <see cref="Dispose"/>.
/// </summary>
public sealed class LibfuseDaemon : IDisposable
{
    /// <summary>How long one test may talk to its daemon.</summary>
    public static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The placeholder in the argument list replaced by <c>/dev/fd/N</c>.</summary>
    public const string DevicePlaceholder = "{device}";

    private readonly Process _process;
    private readonly StringBuilder _standardError = new();
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenRegistration _killAtDeadline;
    private readonly TimeSpan _timeout;
    private bool _killedAtDeadline;

    private LibfuseDaemon(string name, Process process, FuseSocketTransport transport, TimeSpan timeout)
    {
        Name = name;
        _process = process;
        Transport = transport;
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _timeout = timeout;
        _deadline = new CancellationTokenSource(timeout);
        _killAtDeadline = _deadline.Token.Register(() =>
        {
            _killedAtDeadline = true;
            Kill();
        });
    }

    /// <summary>What the daemon is, for messages.</summary>
    public string Name { get; }

    /// <summary>The test's end of the connection: it writes requests and reads replies here.</summary>
    public FuseSocketTransport Transport { get; }

    /// <summary>Cancelled when the test's time is up (the daemon is then killed).</summary>
    public CancellationToken Deadline => _deadline.Token;

    /// <summary>Everything the daemon wrote to stderr and stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_standardError)
            {
                return _standardError.ToString();
            }
        }
    }

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/>, one of which is <see cref="DevicePlaceholder"/>.</summary>
    /// <param name="name">What the daemon is, for messages.</param>
    /// <param name="file">The program.</param>
    /// <param name="arguments">Its arguments; <see cref="DevicePlaceholder"/> becomes <c>/dev/fd/N</c>.</param>
    /// <param name="timeout">The test's time; <see cref="TestTimeout"/> by default.</param>
    /// <returns>The running daemon.</returns>
    public static LibfuseDaemon Start(string name, string file, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        (Socket ours, Socket theirs) = FuseSocketTransport.CreateSocketPair(SocketType.Seqpacket);
        Process? process = null;
        int fd = -1;
        try
        {
            // The child gets a duplicate of its end (dup(2) clears FD_CLOEXEC), closed here right after the start: .NET's
            // Socket is never handed to the child, and this process keeps no reference to the daemon's end.
            fd = InteropNativeMethods.Dup((int)theirs.SafeHandle.DangerousGetHandle());
            if (fd < 0)
            {
                throw new IOException($"dup of the daemon's socket failed: errno {Marshal.GetLastPInvokeError()}.");
            }

            ProcessStartInfo start = new(file)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument == DevicePlaceholder ? $"/dev/fd/{fd}" : argument);
            }

            start.Environment["LC_ALL"] = "C";
            process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
            process.StandardInput.Close();
        }
        catch
        {
            ours.Dispose();
            process?.Dispose();
            throw;
        }
        finally
        {
            if (fd >= 0)
            {
                _ = InteropNativeMethods.Close(fd);
            }

            theirs.Dispose();
        }

        return new LibfuseDaemon(name, process, new FuseSocketTransport(ours), timeout ?? TestTimeout);
    }

    /// <summary>Runs <paramref name="body"/>; a failure is reported with the daemon's output (and whether its time ran out).</summary>
    /// <param name="body">The test's conversation with the daemon.</param>
    /// <returns>A task that completes when the body has.</returns>
    public async Task RunAsync(Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body();
        }
        catch (Exception e) when (e is not Xunit.SkipException)
        {
            string why = _killedAtDeadline ? $" (killed after {_timeout.TotalSeconds} s)" : string.Empty;
            throw new XunitException($"{e.GetType().Name}: {e.Message}\n--- {Name}{why} wrote ---\n{Output}", e);
        }
    }

    /// <summary>Waits for the daemon to exit by itself (after the test closed its end, say); false at the timeout.</summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>True when it exited.</returns>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Closes the test's end and kills the daemon if it does not exit by itself within a few seconds.</summary>
    public void Dispose()
    {
        _killAtDeadline.Dispose();
        Transport.Dispose();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
        {
            Kill();
        }

        _ = _process.WaitForExit(TimeSpan.FromSeconds(5));
        _process.Dispose();
        _deadline.Dispose();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_standardError)
        {
            _ = _standardError.AppendLine(line);
        }
    }
}
