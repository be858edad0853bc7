using System;
using System.IO;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

public class FuseDeviceTests
{
    [SkippableFact]
    public void Open_gives_a_descriptor_on_dev_fuse_and_Dispose_closes_it_once()
    {
        Skip.IfNot(KernelFuse.CanOpenDevice, "Needs /dev/fuse.");
        FuseDevice device = FuseDevice.Open();
        int fd = device.Handle;
        try
        {
            Assert.True(fd >= 0);
            Assert.False(device.IsClosed);
            Assert.Equal("/dev/fuse", new FileInfo($"/proc/self/fd/{fd}").LinkTarget);
        }
        finally
        {
            device.Dispose();
        }

        Assert.True(device.IsClosed);
        Assert.Equal(-1, device.Handle);
        device.Dispose();
        Assert.True(device.IsClosed);
    }

    [SkippableFact]
    public void A_disposed_device_reads_as_unmounted_and_writes_ENODEV()
    {
        Skip.IfNot(KernelFuse.CanOpenDevice, "Needs /dev/fuse.");
        FuseDevice device = FuseDevice.Open();
        device.Dispose();

        Assert.Equal(FuseReadStatus.Unmounted, device.Read(new byte[8192], out int length));
        Assert.Equal(0, length);
        Assert.Equal(Errno.ENODEV, device.Write(new byte[16]));
        Assert.Throws<ObjectDisposedException>(() => device.Clone());
    }

    [Fact]
    public void Opening_a_missing_device_reports_the_errno()
    {
        IOException error = Assert.Throws<IOException>(() => FuseDevice.Open("/nonexistent/fusewire-no-such-device"));
        Assert.Equal(Errno.ENOENT, error.HResult);
        Assert.Contains("ENOENT", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Reading_a_device_not_attached_to_a_mount_fails_with_EPERM()
    {
        Skip.IfNot(KernelFuse.CanOpenDevice, "Needs /dev/fuse.");
        using FuseDevice device = FuseDevice.Open();

        IOException error = Assert.Throws<IOException>(() => device.Read(new byte[FuseWire.Abi.FuseConstants.MinReadBuffer], out _));
        Assert.Equal(Errno.EPERM, error.HResult);
    }

    [SkippableFact]
    public void Cloning_a_device_not_attached_to_a_mount_fails_with_EPERM()
    {
        Skip.IfNot(KernelFuse.CanOpenDevice, "Needs /dev/fuse.");
        using FuseDevice device = FuseDevice.Open();

        IOException error = Assert.Throws<IOException>(device.Clone);
        Assert.Equal(Errno.EPERM, error.HResult);
    }

    [Fact]
    public void A_socket_standing_in_whose_peer_closed_with_replies_unread_reads_as_unmounted_and_writes_ENODEV()
    {
        // A Unix socket whose peer closes with frames still queued for it reports ECONNRESET to the next read, then EPIPE to a
        // write: the peer has gone, as after an unmount, not an I/O error to throw out of a serving loop.
        (int first, int second) = FuseWire.Tests.Sessions.SocketPair.Create();
        using FuseDevice daemon = FuseDevice.FromDescriptor(first);
        FuseDevice kernel = FuseDevice.FromDescriptor(second);
        Assert.Equal(0, daemon.Write(new byte[16]));
        kernel.Dispose();

        Assert.Equal(FuseReadStatus.Unmounted, daemon.Read(new byte[8192], out int length));
        Assert.Equal(0, length);
        Assert.True(daemon.IsDisconnected);
        Assert.Equal(Errno.ENODEV, daemon.Write(new byte[16]));
    }
}
