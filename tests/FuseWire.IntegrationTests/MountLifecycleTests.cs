using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>Mounting and unmounting: nothing is left in /proc/self/mountinfo, and the MemFs program exits cleanly on SIGINT.</summary>
public sealed class MountLifecycleTests
{
    [SkippableFact]
    public void Disposing_the_mount_removes_it_and_ends_the_session()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        MemFsMount mount = new();
        string point = mount.MountPoint;
        try
        {
            Assert.Equal("fuse.memfs", MountInfo.Find(point)?.FileSystemType);
            Assert.Equal("memfs", MountInfo.Find(point)?.Source);
            File.WriteAllText(mount.PathOf("f"), "x");
            Assert.True(mount.Session!.RequestCount > 0);
        }
        finally
        {
            mount.Dispose();
        }

        Assert.Null(MountInfo.Find(point));
        Assert.False(Transports.FuseMount.IsMountPoint(point));
        Assert.True(mount.Run!.IsCompletedSuccessfully);
        mount.AssertHealthy();
    }

    [SkippableFact]
    public void A_lazy_unmount_detaches_at_once_and_ends_the_session_though_a_file_is_still_open()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        using MemFsMount mount = new();
        string point = mount.MountPoint;
        FileStream open = new(mount.PathOf("busy"), FileMode.Create);
        try
        {
            open.Write("busy"u8);
            open.Flush();

            mount.Mount!.Unmount(detach: true);

            Assert.Null(MountInfo.Find(point));
            Assert.True(mount.Run!.Wait(TimeSpan.FromSeconds(15)), "the session did not end while a file was open"); // MNT_FORCE aborted the connection
        }
        finally
        {
            try
            {
                open.Dispose();
            }
            catch (IOException)
            {
                // The connection is aborted: this file's FLUSH fails (ENOTCONN).
            }
        }

        Assert.True(mount.Run!.IsCompletedSuccessfully);
    }

    [SkippableFact]
    public void The_MemFs_program_serves_until_SIGINT_and_then_unmounts()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string program = Path.Combine(AppContext.BaseDirectory, "MemFs.dll");
        Skip.IfNot(File.Exists(program), "MemFs.dll is not next to the tests");
        string point = Directory.CreateTempSubdirectory("fusewire-program-").FullName;
        ProcessStartInfo start = new("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { program, point, "--trace", "--workers", "2" })
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        System.Threading.Tasks.Task<string> output = process.StandardOutput.ReadToEndAsync();
        System.Threading.Tasks.Task<string> errors = process.StandardError.ReadToEndAsync();
        try
        {
            Assert.True(MemFsMount.WaitUntil(() => MountInfo.Find(point) is not null || process.HasExited, TimeSpan.FromSeconds(30)), "MemFs did not mount");
            if (process.HasExited)
            {
                Assert.Fail("MemFs exited early: " + errors.Result);
            }

            File.WriteAllText(Path.Combine(point, "hello"), "hi");
            Assert.Equal("hi", Shell.Check("cat", [Path.Combine(point, "hello")]));

            Shell.Check("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "MemFs did not exit after SIGINT");
            Assert.True(output.Wait(TimeSpan.FromSeconds(10)));
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("MemFs mounted on " + point, output.Result, StringComparison.Ordinal);
            Assert.Contains("> CREATE ", output.Result, StringComparison.Ordinal);
            Assert.Contains("< reply unique=", output.Result, StringComparison.Ordinal);
            Assert.Matches(@"MemFs unmounted after \d+ requests\.", output.Result);
            Assert.Null(MountInfo.Find(point));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                _ = process.WaitForExit(10_000);
            }

            if (MountInfo.Find(point) is not null)
            {
                _ = Shell.Run("umount", ["-l", point], TimeSpan.FromSeconds(20));
            }

            Thread.Sleep(0);
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
