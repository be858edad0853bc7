using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Sessions;
using FuseWire.Transports;
using MemFs;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>
/// MemFs mounted in-process on a fresh temporary directory, served by a <see cref="FuseSession"/> on a background thread.
/// Disposing unmounts (MNT_DETACH) and waits for the session; a session that does not end is aborted through fusectl, and a
/// mount still listed after that is detached with umount -l, so no test leaves a mount behind.
/// </summary>
public sealed class MemFsMount : IDisposable
{
    /// <summary>Why the tests skip when <see cref="CanMount"/> is false.</summary>
    public const string SkipReason = "mounting FUSE file systems needs /dev/fuse and root (the CI runs as root with /dev/fuse)";

    private static readonly TimeSpan SessionEndTimeout = TimeSpan.FromSeconds(15);
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentDictionary<FuseOpcode, long> _requests = new();
    private readonly Task? _run;
    private readonly string? _connection;
    private int _disposed;

    /// <summary>Mounts a new MemFs (when <see cref="CanMount"/>; otherwise only the directory is made).</summary>
    /// <param name="options">The file system's options (ignored when <paramref name="fileSystem"/> is given).</param>
    /// <param name="workers">Session workers.</param>
    /// <param name="wantedFlags">INIT flags asked for.</param>
    /// <param name="fileSystem">The file system to serve (a subclass with a hook, say), or null for a new MemFs.</param>
    public MemFsMount(MemFileSystemOptions? options = null, int workers = 2, FuseInitFlags wantedFlags = FuseSessionOptions.DefaultFlags, MemFileSystem? fileSystem = null)
    {
        MountPoint = Directory.CreateTempSubdirectory("fusewire-it-").FullName;
        FileSystem = fileSystem ?? new MemFileSystem(options);
        if (!CanMount)
        {
            return;
        }

        try
        {
            Mount = FuseMount.Mount(MountPoint, new FuseMountOptions { FsName = "memfs", Subtype = "memfs", DefaultPermissions = true, AllowOther = true });
            _connection = MountInfo.Find(MountPoint)?.Device;
            Session = new FuseSession(Mount.Device, FileSystem, new FuseSessionOptions
            {
                Workers = workers,
                WantedFlags = wantedFlags,
                OnHandlerException = e => _errors.Enqueue("handler: " + e),
                OnProtocolError = e => _errors.Enqueue("protocol: " + e),
                Observer = CountRequest,
            });
            _run = Session.RunAsync();
            SpinWait.SpinUntil(() => Session.IsInitialized || _run.IsCompleted, TimeSpan.FromSeconds(10));
            if (!Session.IsInitialized)
            {
                throw new IOException("The kernel's INIT was not answered within 10 s.", _run.Exception);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Whether this machine lets the tests mount: /dev/fuse exists and the process is root.</summary>
    public static bool CanMount => File.Exists("/dev/fuse") && Environment.IsPrivilegedProcess;

    /// <summary>The mount point.</summary>
    public string MountPoint { get; }

    /// <summary>The file system, for looking behind the kernel's back.</summary>
    public MemFileSystem FileSystem { get; }

    /// <summary>The mount, null when <see cref="CanMount"/> is false.</summary>
    public FuseMount? Mount { get; }

    /// <summary>The session, null when <see cref="CanMount"/> is false.</summary>
    public FuseSession? Session { get; }

    /// <summary>The session's task, which ends when the file system is unmounted.</summary>
    public Task? Run => _run;

    /// <summary>The path of <paramref name="relative"/> under the mount point.</summary>
    public string PathOf(string relative) => Path.Combine(MountPoint, relative);

    /// <summary>Creates a fresh directory for one test; returns its full path.</summary>
    public string NewDirectory(string prefix)
    {
        string path = PathOf(prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        _ = Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>How many requests with <paramref name="opcode"/> the kernel has sent.</summary>
    public long RequestsOf(FuseOpcode opcode) => _requests.TryGetValue(opcode, out long count) ? count : 0;

    /// <summary>Fails when a handler threw or a request broke the protocol since the last check (each report fails one test).</summary>
    public void AssertHealthy()
    {
        System.Collections.Generic.List<string> reports = [];
        while (_errors.TryDequeue(out string? report))
        {
            reports.Add(report);
        }

        Assert.True(reports.Count == 0, "The session reported: " + string.Join(Environment.NewLine, reports));
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="timeout"/> passes.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout) => SpinWait.SpinUntil(() =>
    {
        if (condition())
        {
            return true;
        }

        Thread.Sleep(20);
        return false;
    }, timeout);

    /// <summary>Unmounts and waits for the session; never leaves the mount behind.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            try
            {
                Mount?.Unmount(detach: true);
            }
            catch (IOException)
            {
                // Fall through to the last resorts below.
            }

            if (_run is not null && !WaitQuietly(_run, SessionEndTimeout))
            {
                AbortConnection();
                _ = WaitQuietly(_run, SessionEndTimeout);
            }
        }
        finally
        {
            if (MountInfo.Find(MountPoint) is not null)
            {
                _ = Shell.Run("umount", ["-l", MountPoint], TimeSpan.FromSeconds(20));
            }

            try
            {
                Directory.Delete(MountPoint);
            }
            catch (IOException)
            {
                // Still busy: the temporary directory stays, empty.
            }
        }
    }

    private void CountRequest(ReadOnlySpan<byte> frame, bool fromKernel)
    {
        if (fromKernel && frame.Length >= FuseInHeader.StructSize)
        {
            _ = _requests.AddOrUpdate(MemoryMarshal.Read<FuseInHeader>(frame).Opcode, 1, static (_, count) => count + 1);
        }
    }

    private static bool WaitQuietly(Task task, TimeSpan timeout)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException)
        {
            return true; // the session ended, by failing
        }
    }

    /// <summary>Aborts the FUSE connection (fusectl), which fails every pending request and ends the session.</summary>
    private void AbortConnection()
    {
        string? minor = _connection?.Split(':').ElementAtOrDefault(1);
        string abort = $"/sys/fs/fuse/connections/{minor}/abort";
        if (minor is not null && File.Exists(abort))
        {
            try
            {
                File.WriteAllText(abort, "1");
            }
            catch (IOException)
            {
                // Already gone.
            }
        }
    }
}
