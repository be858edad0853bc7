using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

[SupportedOSPlatform("linux")]
public class UnprivilegedFusermountTests
{
    private const string User = "nobody";

    [SkippableFact]
    public void An_unprivileged_user_mounts_and_unmounts_through_fusermount3()
    {
        Skip.IfNot(KernelFuse.CanMount && Fusermount3.IsInstalled, KernelFuse.SkipReason + " And fusermount3 in PATH, to run it as 'nobody'.");
        Skip.IfNot(
            (File.GetUnixFileMode("/dev/fuse") & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) == (UnixFileMode.OtherRead | UnixFileMode.OtherWrite),
            "/dev/fuse is not read-write for other users (mode 0666 as udev normally sets it), so fusermount3 cannot open it as 'nobody'.");
        using ScratchMountPoint scratch = new();
        Chown(scratch.Path, User);
        byte[] buffer = KernelSessionScript.NewBuffer();

        FuseMount mount = FuseMount.Mount(scratch.Path, new FuseMountOptions { FsName = "fw-nobody" }, FuseMountMethod.Fusermount, helperUser: User);
        try
        {
            string line = File.ReadAllLines(MountInfoEntry.SelfMountInfo).Last(l => MountInfoEntry.TryParse(l, out MountInfoEntry e) && e.MountPoint == scratch.Path);
            Assert.Contains(" - fuse fw-nobody ", line, StringComparison.Ordinal);
            Assert.Contains("user_id=65534", line, StringComparison.Ordinal);
            Assert.Contains("nosuid", line, StringComparison.Ordinal);

            KernelSessionScript.Handshake(mount.Device, buffer);
        }
        finally
        {
            mount.Unmount();
        }

        Assert.False(mount.IsMounted);
        Assert.False(FuseMount.IsMountPoint(scratch.Path));
    }

    private static void Chown(string path, string user)
    {
        ProcessStartInfo start = new("chown") { UseShellExecute = false };
        start.ArgumentList.Add(user);
        start.ArgumentList.Add(path);
        using Process chown = Process.Start(start)!;
        Assert.True(chown.WaitForExit(KernelFuse.Timeout));
        Assert.Equal(0, chown.ExitCode);
    }
}
