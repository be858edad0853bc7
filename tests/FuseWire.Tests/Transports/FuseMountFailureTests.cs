using System;
using System.IO;
using System.Threading;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

public class FuseMountFailureTests
{
    private static readonly FuseMountOptions Bogus = new() { ExtraOptions = "fusewire_no_such_option" };

    [SkippableFact]
    public void A_mount_syscall_the_kernel_refuses_reports_EINVAL_and_mounts_nothing()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();

        IOException error = Assert.Throws<IOException>(() => FuseMount.Mount(scratch.Path, Bogus, FuseMountMethod.Syscall, helperUser: null));

        Assert.Equal(Errno.EINVAL, error.HResult);
        Assert.Contains("mount(", error.Message, StringComparison.Ordinal);
        Assert.False(FuseMount.IsMountPoint(scratch.Path));
    }

    [SkippableFact]
    public void A_fusermount3_failure_is_reported_with_its_message_and_mounts_nothing()
    {
        Skip.IfNot(KernelFuse.CanMount && Fusermount3.IsInstalled, KernelFuse.SkipReason + " And fusermount3 in PATH.");
        using ScratchMountPoint scratch = new();

        IOException error = Assert.Throws<IOException>(() => FuseMount.Mount(scratch.Path, Bogus, FuseMountMethod.Fusermount, helperUser: null));

        Assert.Contains("fusermount3", error.Message, StringComparison.Ordinal);
        Assert.False(FuseMount.IsMountPoint(scratch.Path));
    }

    [SkippableFact]
    public void With_auto_unmount_fusermount3_unmounts_by_itself_when_the_daemon_goes_away()
    {
        Skip.IfNot(KernelFuse.CanMount && Fusermount3.IsInstalled, KernelFuse.SkipReason + " And fusermount3 in PATH.");
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        FuseMount mount = FuseMount.Mount(scratch.Path, new FuseMountOptions { FsName = "fw-auto", ExtraOptions = "auto_unmount" });
        try
        {
            Assert.True(FuseMount.IsMountPoint(scratch.Path));
            KernelSessionScript.Handshake(mount.Device, buffer);
        }
        finally
        {
            mount.Abandon();
        }

        DateTime deadline = DateTime.UtcNow + KernelFuse.Timeout;
        while (FuseMount.IsMountPoint(scratch.Path) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.False(FuseMount.IsMountPoint(scratch.Path), "fusermount3 did not unmount after the daemon's socket closed.");
        mount.Dispose();
        Assert.False(mount.IsMounted);
    }
}
