using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Formatting;

/// <summary>Writes the arguments of requests on open files and directories: OPEN, READ, WRITE, RELEASE, locks, IOCTL, POLL, LSEEK, ...</summary>
internal static class FuseIoRequestFormatter
{
    /// <summary>Writes the request's argument fields when its opcode is one of this group's.</summary>
    /// <param name="w">The line.</param>
    /// <param name="request">The request.</param>
    /// <returns>False when the opcode belongs to another group.</returns>
    public static bool TryFormat(FuseLineWriter w, in FuseRequest request)
    {
        switch (request.Opcode)
        {
            case FuseOpcode.Open or FuseOpcode.Opendir:
                FuseOpenIn open = request.GetArgument<FuseOpenIn>();
                w.Hex("flags", open.Flags);
                w.Flags("open_flags", open.OpenFlags, FuseFlagTable.OpenIn);
                return true;
            case FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus:
                FuseReadIn read = request.GetArgument<FuseReadIn>();
                w.Field("fh", read.Fh);
                w.Field("offset", read.Offset);
                w.Field("size", read.Size);
                w.Flags("read_flags", read.ReadFlags, FuseFlagTable.Read);
                w.Hex("lock_owner", read.LockOwner);
                w.Hex("flags", read.Flags);
                return true;
            case FuseOpcode.Write:
                FuseWriteIn write = request.GetArgument<FuseWriteIn>();
                w.Field("fh", write.Fh);
                w.Field("offset", write.Offset);
                w.Field("size", write.Size);
                w.Flags("write_flags", write.WriteFlags, FuseFlagTable.Write);
                w.Hex("lock_owner", write.LockOwner);
                w.Hex("flags", write.Flags);
                w.Size("data", request.Data.Length);
                return true;
            case FuseOpcode.Release or FuseOpcode.Releasedir:
                FuseReleaseIn release = request.GetArgument<FuseReleaseIn>();
                w.Field("fh", release.Fh);
                w.Hex("flags", release.Flags);
                w.Flags("release_flags", release.ReleaseFlags, FuseFlagTable.Release);
                w.Hex("lock_owner", release.LockOwner);
                return true;
            case FuseOpcode.Fsync or FuseOpcode.Fsyncdir:
                FuseFsyncIn fsync = request.GetArgument<FuseFsyncIn>();
                w.Field("fh", fsync.Fh);
                w.Flags("fsync_flags", fsync.FsyncFlags, FuseFlagTable.Fsync);
                return true;
            case FuseOpcode.Flush:
                FuseFlushIn flush = request.GetArgument<FuseFlushIn>();
                w.Field("fh", flush.Fh);
                w.Hex("lock_owner", flush.LockOwner);
                return true;
            case FuseOpcode.Getlk or FuseOpcode.Setlk or FuseOpcode.Setlkw:
                FuseLkIn lk = request.GetArgument<FuseLkIn>();
                w.Field("fh", lk.Fh);
                w.Hex("owner", lk.Owner);
                FuseStructFormatter.Lock(w, "lk", lk.Lk);
                w.Flags("lk_flags", lk.LkFlags, FuseFlagTable.Lk);
                return true;
            case FuseOpcode.Bmap:
                FuseBmapIn bmap = request.GetArgument<FuseBmapIn>();
                w.Field("block", bmap.Block);
                w.Field("blocksize", bmap.Blocksize);
                return true;
            case FuseOpcode.Ioctl:
                FuseIoctlIn ioctl = request.GetArgument<FuseIoctlIn>();
                w.Field("fh", ioctl.Fh);
                w.Flags("flags", ioctl.Flags, FuseFlagTable.Ioctl);
                w.Hex("cmd", ioctl.Cmd);
                w.Hex("arg", ioctl.Arg);
                w.Field("in_size", ioctl.InSize);
                w.Field("out_size", ioctl.OutSize);
                w.Preview("data", request.Data);
                return true;
            case FuseOpcode.Poll:
                FusePollIn poll = request.GetArgument<FusePollIn>();
                w.Field("fh", poll.Fh);
                w.Field("kh", poll.Kh);
                w.Flags("flags", poll.Flags, FuseFlagTable.Poll);
                w.Hex("events", poll.Events);
                return true;
            case FuseOpcode.Fallocate:
                FuseFallocateIn fallocate = request.GetArgument<FuseFallocateIn>();
                w.Field("fh", fallocate.Fh);
                w.Field("offset", fallocate.Offset);
                w.Field("length", fallocate.Length);
                w.Hex("mode", fallocate.Mode);
                return true;
            case FuseOpcode.Lseek:
                FuseLseekIn lseek = request.GetArgument<FuseLseekIn>();
                w.Field("fh", lseek.Fh);
                w.Field("offset", lseek.Offset);
                Whence(w, lseek.Whence);
                return true;
            case FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64:
                FuseCopyFileRangeIn copy = request.GetArgument<FuseCopyFileRangeIn>();
                w.Field("fh_in", copy.FhIn);
                w.Field("off_in", copy.OffIn);
                w.Field("nodeid_out", copy.NodeIdOut);
                w.Field("fh_out", copy.FhOut);
                w.Field("off_out", copy.OffOut);
                w.Field("len", copy.Len);
                w.Hex("flags", copy.Flags);
                return true;
            default:
                return false;
        }
    }

    private static void Whence(FuseLineWriter w, uint whence)
    {
        string? name = whence switch
        {
            0 => "SEEK_SET",
            1 => "SEEK_CUR",
            2 => "SEEK_END",
            3 => "SEEK_DATA",
            4 => "SEEK_HOLE",
            _ => null,
        };
        if (name is null)
        {
            w.Field("whence", whence);
        }
        else
        {
            w.Symbol("whence", name);
        }
    }
}
