using System;
using System.IO;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>
/// The daemon SIGKILLed while clients use the mount: their requests fail with ENOTCONN or ECONNABORTED, fusermount3
/// (auto_unmount) removes the mount, and a new MemFs mounts on the same directory.
/// </summary>
public sealed class DaemonKilledTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public void A_killed_MemFs_fails_its_clients_and_auto_unmount_removes_the_mount()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(Shell.Exists("fusermount3"), "fusermount3 (fuse3) is not installed");
        Skip.IfNot(File.Exists(MemFsProcess.Program), "MemFs.dll is not next to the tests");
        string point = Directory.CreateTempSubdirectory("fusewire-killed-").FullName;
        try
        {
            using (MemFsProcess memFs = MemFsProcess.Start(point, "--auto-unmount"))
            {
                int helper = Assert.Single(memFs.ChildrenNamed("fusermount3")); // auto_unmount: the helper stays, waiting
                string file = Path.Combine(point, "open");
                File.WriteAllText(file, "held open");
                using SafeFileHandle held = File.OpenHandle(file, FileMode.Open, FileAccess.ReadWrite);
                using Child writer = Child.Start("dd", ["if=/dev/zero", $"of={Path.Combine(point, "stream")}", "bs=64k", "count=1000000"]);
                FileInfo stream = new(Path.Combine(point, "stream"));
                Assert.True(MemFsMount.WaitUntil(() => { stream.Refresh(); return stream.Exists && stream.Length > 1 << 20; }, Deadline), "dd did not start writing");

                memFs.Process.Signal("KILL");

                Assert.True(memFs.Process.WaitForExit(Deadline), "MemFs did not die");
                Assert.True(writer.WaitForExit(Deadline), "the writer hung on the dead mount");
                Assert.NotEqual(0, writer.ExitCode);
                Assert.Matches("Transport endpoint is not connected|Software caused connection abort", writer.StandardError);
                IOException error = Assert.ThrowsAny<IOException>(() => RandomAccess.Read(held, new byte[16], 0));
                Assert.Contains(error.HResult, new[] { Errno.ENOTCONN, Errno.ECONNABORTED });
                Assert.True(MemFsMount.WaitUntil(() => MountInfo.Find(point) is null, Deadline), "the dead mount was not removed");
                Assert.False(File.Exists(file)); // the directory underneath again
                Assert.True(MemFsMount.WaitUntil(() => HasEnded(helper), Deadline), "fusermount3 stayed behind");
            }

            using (MemFsProcess fresh = MemFsProcess.Start(point, "--auto-unmount"))
            {
                File.WriteAllText(Path.Combine(point, "again"), "a new mount");
                Assert.Equal("a new mount", Shell.Check("cat", [Path.Combine(point, "again")]));

                fresh.Process.Signal("TERM");

                Assert.True(fresh.Process.WaitForExit(Deadline), "MemFs did not exit on SIGTERM");
                Assert.Equal(0, fresh.Process.ExitCode);
                Assert.Contains("MemFs unmounted after", fresh.Process.StandardOutput, StringComparison.Ordinal);
                Assert.True(MemFsMount.WaitUntil(() => MountInfo.Find(point) is null, Deadline), "the mount outlived MemFs");
            }
        }
        finally
        {
            if (MountInfo.Find(point) is not null)
            {
                _ = Shell.Run("umount", ["-l", point], TimeSpan.FromSeconds(20));
            }

            try
            {
                Directory.Delete(point, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-file cleaning.
            }
        }
    }

    /// <summary>Whether the process <paramref name="id"/> is gone or a zombie (ended, not yet reaped by its new parent).</summary>
    private static bool HasEnded(int id)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{id}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    [SkippableFact]
    public void Without_auto_unmount_a_killed_daemon_leaves_a_mount_that_answers_ENOTCONN_until_detached()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(File.Exists(MemFsProcess.Program), "MemFs.dll is not next to the tests");
        string point = Directory.CreateTempSubdirectory("fusewire-stale-").FullName;
        try
        {
            using (MemFsProcess memFs = MemFsProcess.Start(point))
            {
                File.WriteAllText(Path.Combine(point, "f"), "x");

                memFs.Process.Signal("KILL");

                Assert.True(memFs.Process.WaitForExit(Deadline), "MemFs did not die");
                Assert.NotNull(MountInfo.Find(point));
                ShellResult stat = Shell.Run("stat", [Path.Combine(point, "f")]);
                Assert.NotEqual(0, stat.ExitCode);
                Assert.Contains("Transport endpoint is not connected", stat.StandardError, StringComparison.Ordinal);
                Shell.Check("umount", ["-l", point]);
                Assert.Null(MountInfo.Find(point));
            }

            using MemFsProcess fresh = MemFsProcess.Start(point);
            File.WriteAllText(Path.Combine(point, "again"), "works");
            Assert.Equal("works", File.ReadAllText(Path.Combine(point, "again")));
            fresh.Process.Signal("INT");
            Assert.True(fresh.Process.WaitForExit(Deadline), "MemFs did not exit on SIGINT");
            Assert.Null(MountInfo.Find(point));
        }
        finally
        {
            if (MountInfo.Find(point) is not null)
            {
                _ = Shell.Run("umount", ["-l", point], TimeSpan.FromSeconds(20));
            }

            try
            {
                Directory.Delete(point, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temporary-file cleaning.
            }
        }
    }
}
