using System;
using System.Buffers;
using System.IO;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Transports;
using Xunit;
using Xunit.Abstractions;

namespace FuseWire.Tests.Transports;

public class FuseDeviceWriteTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Replies_to_unknown_requests_give_ENOENT_malformed_frames_throw_and_after_the_unmount_a_clone_writes_ENOENT_and_reads_Unmounted()
    {
        Skip.IfNot(KernelFuse.CanMount, KernelFuse.SkipReason);
        using ScratchMountPoint scratch = new();
        byte[] buffer = KernelSessionScript.NewBuffer();
        using FuseMount mount = FuseMount.Mount(scratch.Path);
        using FuseDevice clone = mount.Device.Clone();
        (ulong unique, FuseInitIn init) = KernelSessionScript.ReadInit(mount.Device, buffer);
        output.WriteLine($"kernel INIT: {init.Major}.{init.Minor}, max_readahead {init.MaxReadahead}, flags 0x{init.Flags:x8}, flags2 0x{init.Flags2:x8}, unique {unique}");
        KernelSessionScript.AnswerInit(mount.Device, unique, init);

        ArrayBufferWriter<byte> stray = new();
        FuseReplyWriter.WriteError(stray, 0x7777_0000, Errno.EIO);
        Assert.Equal(Errno.ENOENT, mount.Device.Write(stray.WrittenSpan));

        byte[] truncated = stray.WrittenSpan.ToArray();
        truncated[0] = 40;
        IOException malformed = Assert.Throws<IOException>(() => mount.Device.Write(truncated));
        Assert.Equal(Errno.EINVAL, malformed.HResult);

        mount.Unmount();
        // Kernel 6.18: a write on a still-open descriptor of an aborted connection finds no request: ENOENT, not ENODEV.
        Assert.Equal(Errno.ENOENT, clone.Write(stray.WrittenSpan));
        Assert.Equal(FuseReadStatus.Unmounted, KernelSessionScript.ReadWithin(clone, buffer, KernelFuse.Timeout).Status);
    }
}
