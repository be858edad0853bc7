using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Sessions;
using MemFs;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>
/// The other notifications against the real kernel (caches valid for an hour, FOPEN_KEEP_CACHE): FUSE_NOTIFY_DELETE drops a
/// name MemFs removed behind the kernel's back, STORE puts bytes into the page cache, RETRIEVE reads them back, and POLL
/// wakes a poll(2) waiting on a MemFs file.
/// </summary>
public sealed class NotifyCacheTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(10);

    /// <summary>poll(2)'s own timeout, well past <see cref="Bounded"/>: its final pass at the timeout must not pass for a wake-up.</summary>
    private static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(30);
    private readonly MemFsMount _fs = fixture.Mount;

    private FuseSession Session => _fs.Session!;

    [SkippableFact]
    public void Notify_delete_removes_a_name_unlinked_behind_the_kernel()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("notify-delete");
        string file = Path.Combine(dir, "gone");
        File.WriteAllText(file, "doomed");
        Assert.Equal(0, Shell.Run("stat", [file]).ExitCode); // looked up: the kernel caches the name for an hour
        string relativeDir = Path.GetRelativePath(_fs.MountPoint, dir);
        Assert.True(_fs.FileSystem.TryGetNodeId(relativeDir, out ulong parent));

        ulong child = _fs.FileSystem.UnlinkBehindKernel(relativeDir + "/gone");
        Assert.False(_fs.FileSystem.TryGetNodeId(relativeDir + "/gone", out _));
        Assert.Equal(0, Shell.Run("stat", [file]).ExitCode); // stale: without the notification the kernel still sees it
        Assert.Equal(0, Session.NotifyDelete(parent, child, "gone"u8));

        ShellResult after = Shell.Run("stat", [file]);
        Assert.NotEqual(0, after.ExitCode);
        Assert.Contains("No such file or directory", after.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
        Assert.DoesNotContain("gone", Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal(Errno.ENOENT, Session.NotifyDelete(parent, child, "never-looked-up"u8)); // no such dentry in the kernel
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Notify_store_puts_bytes_into_the_page_cache_that_memfs_never_had()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("notify-store");
        string file = Path.Combine(dir, "f");
        string relative = Path.GetRelativePath(_fs.MountPoint, file);
        File.WriteAllText(file, "old content!");
        Assert.Equal("old content!", Shell.Check("cat", [file])); // the page is cached and up to date
        Assert.True(_fs.FileSystem.TryGetNodeId(relative, out ulong node));

        Assert.Equal(0, Session.NotifyStore(node, 4, "CACHE!"u8));

        Assert.Equal("old CACHE!t!", Shell.Check("cat", [file])); // served from the page cache
        using (FileStream stream = new(file, FileMode.Open, FileAccess.Read))
        using (StreamReader reader = new(stream, Encoding.ASCII))
        {
            Assert.Equal("old CACHE!t!", reader.ReadToEnd());
        }

        Assert.Equal("old content!", Encoding.ASCII.GetString(_fs.FileSystem.ReadAllBytes(relative))); // MemFs never saw it
        Assert.Equal(Errno.ENOENT, Session.NotifyStore(ulong.MaxValue - 7, 0, "x"u8)); // no such inode in the kernel
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Notify_retrieve_returns_the_cached_pages_through_retrieve_reply()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("notify-retrieve");
        string file = Path.Combine(dir, "f");
        string relative = Path.GetRelativePath(_fs.MountPoint, file);
        byte[] content = new byte[10_000]; // three pages, the last partial
        for (int i = 0; i < content.Length; i++)
        {
            content[i] = (byte)('a' + (i * 7 % 26));
        }

        File.WriteAllBytes(file, content);
        Assert.Equal(0, Shell.Run("cat", [file]).ExitCode); // caches every page
        Assert.Equal(content, File.ReadAllBytes(file));
        Assert.True(_fs.FileSystem.TryGetNodeId(relative, out ulong node));
        ulong unique = 0x5EED_0000_0000_0000UL + node;

        Assert.Equal(0, Session.NotifyRetrieve(unique, node, 0, 65536));

        MemRetrieved? answer = null;
        Assert.True(
            MemFsMount.WaitUntil(() => (answer = _fs.FileSystem.Retrieved.FirstOrDefault(r => r.NotifyUnique == unique)) is not null, Bounded),
            "The kernel did not answer the retrieve within 10 s.");
        Assert.Equal(node, answer!.NodeId);
        Assert.Equal(0UL, answer.Offset);
        Assert.Equal(content, answer.Data); // clamped to the file's size
        Assert.Equal(Errno.ENOENT, Session.NotifyRetrieve(unique + 1, ulong.MaxValue - 7, 0, 4096)); // no such inode
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Notify_poll_wakes_a_poll_waiting_on_a_memfs_file()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("notify-poll");
        string file = Path.Combine(dir, "f");
        string relative = Path.GetRelativePath(_fs.MountPoint, file);
        File.WriteAllText(file, "poll me");
        Assert.True(_fs.FileSystem.TryGetNodeId(relative, out ulong node));
        using SafeFileHandle handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
        int fd = (int)handle.DangerousGetHandle();

        // POLLPRI only: MemFs answers POLLIN | POLLOUT, so poll(2) sleeps until woken and asked again.
        Task<(int Ready, short REvents, int Errno)> waiter = Task.Factory.StartNew(
            () =>
            {
                PollFd pollFd = new() { Fd = fd, Events = NativePoll.PollPri };
                int ready = NativePoll.Poll(ref pollFd, 1, (int)PollTimeout.TotalMilliseconds);
                return (ready, pollFd.REvents, ready < 0 ? System.Runtime.InteropServices.Marshal.GetLastPInvokeError() : 0);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        Assert.True(MemFsMount.WaitUntil(() => _fs.FileSystem.PollWaiters(node).Count > 0 || waiter.IsCompleted, Bounded), "No POLL asked for a notification.");
        Thread.Sleep(200);
        Assert.False(waiter.IsCompleted, "poll(2) returned before the notification: " + (waiter.IsCompleted ? waiter.Result.ToString() : ""));

        long pollsBefore = _fs.RequestsOf(FuseOpcode.Poll);
        ulong kh = Assert.Single(_fs.FileSystem.RaisePollEventsBehindKernel(node, (uint)NativePoll.PollPri));
        Assert.Equal(0, Session.NotifyPoll(kh));

        Assert.True(waiter.Wait(Bounded), "poll(2) was not woken within 10 s."); // its own timeout is 30 s
        (int ready, short revents, int errno) = waiter.Result;
        Assert.Equal(0, errno);
        Assert.True(_fs.RequestsOf(FuseOpcode.Poll) > pollsBefore, "The kernel did not poll MemFs again after the wake-up.");
        Assert.Equal(1, ready);
        Assert.Equal(NativePoll.PollPri, (short)(revents & NativePoll.PollPri));
        GC.KeepAlive(handle);
        _fs.AssertHealthy();
    }
}
