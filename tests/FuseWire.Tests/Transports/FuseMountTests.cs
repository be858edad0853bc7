using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading.Tasks;
using FuseWire.Protocol;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

[SupportedOSPlatform("linux")]
public class FuseMountTests
{
    private const uint DirectoryMode0700 = 0x4000 | 0x1C0;

    [SkippableFact]
    public void Mount_appears_in_mountinfo_and_the_kernel_sends_INIT_first()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        using (FuseMount mount = FuseMount.Mount(scratch.Path, new FuseMountOptions { FsName = "fusewire-test" }))
        {
            Assert.True(mount.IsMounted);
            Assert.Equal(scratch.Path, mount.MountPoint);
            Assert.True(FuseMount.IsMountPoint(scratch.Path));
            MountInfoEntry entry = MountInfoEntry.ReadSelf().Last(e => e.MountPoint == scratch.Path);
            Assert.Equal("fuse", entry.FileSystemType);
            Assert.Equal("fusewire-test", entry.Source);

            (ulong unique, FuseWire.Abi.FuseInitIn init) = KernelSessionScript.ReadInit(mount.Device, buffer);
            Assert.NotEqual(0UL, unique);
            Assert.Equal(7u, init.Major);
            Assert.True(init.Minor >= 36, $"kernel minor {init.Minor}");
            KernelSessionScript.AnswerInit(mount.Device, unique, init);

            mount.Unmount();
            Assert.False(mount.IsMounted);
            Assert.True(mount.Device.IsClosed);
            Assert.Equal(FuseReadStatus.Unmounted, mount.Device.Read(buffer, out _));
        }

        Assert.False(FuseMount.IsMountPoint(scratch.Path));
        Assert.DoesNotContain(MountInfoEntry.ReadSelf(), e => e.MountPoint == scratch.Path);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_read_blocked_on_an_idle_mount_ends_with_Unmounted_when_it_is_unmounted(bool detach)
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        using FuseMount mount = FuseMount.Mount(scratch.Path);
        KernelSessionScript.Handshake(mount.Device, buffer);

        Task<(FuseReadStatus Status, int Length)> blocked = KernelSessionScript.StartRead(mount.Device, buffer);
        Assert.False(blocked.Wait(TimeSpan.FromMilliseconds(200)), "The read should block while the filesystem is idle.");

        mount.Unmount(detach);

        Assert.True(blocked.Wait(KernelFuse.Timeout), "The blocked read did not end after the unmount.");
        Assert.Equal(FuseReadStatus.Unmounted, blocked.Result.Status);
        Assert.False(FuseMount.IsMountPoint(scratch.Path));
    }

    [SkippableFact]
    public void Unmount_without_answering_INIT_leaves_no_mount_behind()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();
        FuseMount mount = FuseMount.Mount(scratch.Path);
        try
        {
            Assert.True(FuseMount.IsMountPoint(scratch.Path));
        }
        finally
        {
            mount.Unmount(detach: false);
        }

        Assert.False(mount.IsMounted);
        Assert.False(FuseMount.IsMountPoint(scratch.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        mount.Unmount();
        mount.Dispose();
    }

    [SkippableFact]
    public void A_stat_of_the_mount_point_is_served_from_the_device()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        using FuseMount mount = FuseMount.Mount(scratch.Path);
        FuseProtocol protocol = KernelSessionScript.Handshake(mount.Device, buffer);

        Task<UnixFileMode> stat = Task.Factory.StartNew(() => File.GetUnixFileMode(scratch.Path), TaskCreationOptions.LongRunning);
        RootAttributeServer server = new(mount.Device, protocol, DirectoryMode0700);
        server.ServeUntilGetattr(buffer);

        Assert.True(stat.Wait(KernelFuse.Timeout), "stat() was not answered.");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, stat.Result);
        mount.Unmount();
        Assert.False(FuseMount.IsMountPoint(scratch.Path));
    }

    [SkippableFact]
    public void A_clone_of_the_mounted_device_reads_and_answers_requests()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        using FuseMount mount = FuseMount.Mount(scratch.Path);
        using FuseDevice clone = mount.Device.Clone();
        Assert.NotEqual(mount.Device.Handle, clone.Handle);
        Assert.Equal("/dev/fuse", new FileInfo($"/proc/self/fd/{clone.Handle}").LinkTarget);

        FuseProtocol protocol = KernelSessionScript.Handshake(clone, buffer);
        Task<UnixFileMode> stat = Task.Factory.StartNew(() => File.GetUnixFileMode(scratch.Path), TaskCreationOptions.LongRunning);
        new RootAttributeServer(mount.Device, protocol, DirectoryMode0700).ServeUntilGetattr(buffer);

        Assert.True(stat.Wait(KernelFuse.Timeout), "stat() was not answered.");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, stat.Result);
        mount.Unmount();
        Assert.Equal(FuseReadStatus.Unmounted, KernelSessionScript.ReadWithin(clone, buffer, KernelFuse.Timeout).Status);
    }

    [SkippableFact]
    public void A_subtype_and_a_mount_point_with_spaces_show_in_mountinfo()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint parent = new();
        string spaced = Path.Combine(parent.Path, "with space\tand tab");
        Directory.CreateDirectory(spaced);
        try
        {
            using FuseMount mount = FuseMount.Mount(spaced, new FuseMountOptions { FsName = "fw source", Subtype = "fwtest", ReadOnly = true });
            Assert.True(FuseMount.IsMountPoint(spaced));
            Assert.True(FuseMount.IsMountPoint(spaced + "/"));
            MountInfoEntry entry = MountInfoEntry.ReadSelf().Last(e => e.MountPoint == spaced);
            Assert.Equal("fuse.fwtest", entry.FileSystemType);
            Assert.Equal("fw source", entry.Source);
        }
        finally
        {
            ScratchMountPoint.DetachAll(spaced);
            Directory.Delete(spaced);
        }

        Assert.False(FuseMount.IsMountPoint(spaced));
    }

    [SkippableFact]
    public void Mount_through_fusermount3_passes_the_device_back_over_the_socket()
    {
        Skip.IfNot(KernelFuse.CanMount && Fusermount3.IsInstalled, KernelFuse.SkipReason + " And fusermount3 in PATH.");
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        using (FuseMount mount = FuseMount.Mount(scratch.Path, new FuseMountOptions { FsName = "fw-helper", Subtype = "helper" }, FuseMountMethod.Fusermount, helperUser: null))
        {
            Assert.True(FuseMount.IsMountPoint(scratch.Path));
            MountInfoEntry entry = MountInfoEntry.ReadSelf().Last(e => e.MountPoint == scratch.Path);
            Assert.Equal("fuse.helper", entry.FileSystemType);
            Assert.Equal("fw-helper", entry.Source);
            Assert.Equal("/dev/fuse", new FileInfo($"/proc/self/fd/{mount.Device.Handle}").LinkTarget);

            FuseProtocol protocol = KernelSessionScript.Handshake(mount.Device, buffer);
            Task<UnixFileMode> stat = Task.Factory.StartNew(() => File.GetUnixFileMode(scratch.Path), TaskCreationOptions.LongRunning);
            new RootAttributeServer(mount.Device, protocol, DirectoryMode0700).ServeUntilGetattr(buffer);
            Assert.True(stat.Wait(KernelFuse.Timeout), "stat() was not answered.");
        }

        Assert.False(FuseMount.IsMountPoint(scratch.Path));
    }

    [SkippableFact]
    public void After_INIT_a_read_buffer_smaller_than_max_write_plus_80_is_refused_with_EINVAL()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        using FuseMount mount = FuseMount.Mount(scratch.Path);
        KernelSessionScript.Handshake(mount.Device, buffer);

        IOException error = Assert.Throws<IOException>(() => mount.Device.Read(new byte[KernelSessionScript.MaxWrite + 79], out _));
        Assert.Equal(Errno.EINVAL, error.HResult);

        Task<(FuseReadStatus Status, int Length)> blocked = KernelSessionScript.StartRead(mount.Device, new byte[KernelSessionScript.MaxWrite + 80]);
        Assert.False(blocked.Wait(TimeSpan.FromMilliseconds(200)), "A buffer of max_write + 80 bytes is accepted, so the read blocks.");
        mount.Unmount();
        Assert.True(blocked.Wait(KernelFuse.Timeout));
        Assert.Equal(FuseReadStatus.Unmounted, blocked.Result.Status);
    }

    [Fact]
    public void A_mount_point_that_does_not_exist_is_refused_before_anything_is_opened()
    {
        Assert.Throws<DirectoryNotFoundException>(() => FuseMount.Mount("/nonexistent/fusewire-mount-point"));
    }
}
