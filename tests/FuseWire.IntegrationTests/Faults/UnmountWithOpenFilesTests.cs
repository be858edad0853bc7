using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using MemFs;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>
/// Unmounting while files are open and a process lives in the mount: a plain umount is refused (EBUSY) and changes nothing;
/// the daemon's own unmount detaches at once, aborts the connection so the session ends, and the open descriptors fail.
/// </summary>
public sealed class UnmountWithOpenFilesTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public void Unmounting_with_files_open_ends_the_session_cleanly_and_fails_the_open_descriptors()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        using MemFsMount fs = new(new MemFileSystemOptions { KeepCache = false }); // opens drop the page cache: reads reach the daemon
        string point = fs.MountPoint;
        File.WriteAllBytes(fs.PathOf("reading"), TestData.Bytes(100_000, seed: 4));
        _ = Directory.CreateDirectory(fs.PathOf("cwd"));
        SafeFileHandle reading = File.OpenHandle(fs.PathOf("reading"), FileMode.Open, FileAccess.Read);
        SafeFileHandle writing = File.OpenHandle(fs.PathOf("writing"), FileMode.CreateNew, FileAccess.ReadWrite);
        try
        {
            RandomAccess.Write(writing, TestData.Bytes(5000, seed: 5), 0);
            using Child resident = Child.Start("sleep", ["60"], workingDirectory: fs.PathOf("cwd"));

            // An administrator's plain umount is refused while the mount is busy, and nothing is lost.
            ShellResult refused = Shell.Run("umount", [point]);
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("busy", refused.StandardError, StringComparison.Ordinal);
            Assert.NotNull(MountInfo.Find(point));
            Assert.Equal(TestData.Bytes(5000, seed: 5), File.ReadAllBytes(fs.PathOf("writing")));

            // The daemon's unmount (MemFs's on SIGINT/SIGTERM): detached at once, and the session ends without waiting for the files.
            Stopwatch clock = Stopwatch.StartNew();
            fs.Mount!.Unmount(detach: true);
            Assert.Null(MountInfo.Find(point));
            Assert.True(fs.Run!.Wait(Deadline), "the session did not end while files were open");
            Assert.True(clock.Elapsed < Deadline);

            IOException written = Assert.ThrowsAny<IOException>(() => RandomAccess.Write(writing, new byte[100], 0));
            Assert.Equal(Errno.ENOTCONN, written.HResult);
            IOException read = Assert.ThrowsAny<IOException>(() => RandomAccess.Read(reading, new byte[100], 0));
            Assert.Equal(Errno.ENOTCONN, read.HResult);
            ShellResult listing = Shell.Run("ls", [$"/proc/{resident.Id}/cwd/"]); // the resident's working directory, on the dead connection
            Assert.NotEqual(0, listing.ExitCode);
            Assert.Contains("Transport endpoint is not connected", listing.StandardError, StringComparison.Ordinal);

            // Closing descriptors of the dead connection does not hang.
            Assert.True(Close(reading, writing).Wait(Deadline), "closing the open files hung");
        }
        finally
        {
            _ = Close(reading, writing).Wait(Deadline);
        }

        Assert.False(fs.Mount.IsMounted);
        Assert.True(fs.Run.IsCompletedSuccessfully);
        fs.AssertHealthy();
    }

    private static Task Close(SafeFileHandle first, SafeFileHandle second) => Task.Run(() =>
    {
        first.Dispose();
        second.Dispose();
    });
}
