using System;
using System.Text.Json;
using FuseWire.Abi;

namespace FuseWire.Cli.Json;

/// <summary>
/// Which fuse.h struct a request's argument, a reply's body or a notification's body is, by opcode or notify code: the JSON key is the
/// struct's name without <c>fuse_</c> (<c>entry_out</c>, <c>read_in</c>), its members are fuse.h's.
/// </summary>
internal static class ArgumentJson
{
    /// <summary>Writes a request's fixed argument as <c>"xxx_in": {...}</c>.</summary>
    /// <param name="w">The writer, inside the frame's object.</param>
    /// <param name="opcode">The request's opcode.</param>
    /// <param name="argument">The argument's bytes.</param>
    public static void WriteRequest(Utf8JsonWriter w, FuseOpcode opcode, ReadOnlySpan<byte> argument)
    {
        (string?, StructWriter?) entry = opcode switch
        {
            FuseOpcode.Forget => ("forget_in", AbiJson.WriteFuseForgetIn),
            FuseOpcode.Getattr => ("getattr_in", AbiJson.WriteFuseGetattrIn),
            FuseOpcode.Setattr => ("setattr_in", AbiJson.WriteFuseSetattrIn),
            FuseOpcode.Mknod => ("mknod_in", AbiJson.WriteFuseMknodIn),
            FuseOpcode.Mkdir => ("mkdir_in", AbiJson.WriteFuseMkdirIn),
            FuseOpcode.Rename => ("rename_in", AbiJson.WriteFuseRenameIn),
            FuseOpcode.Link => ("link_in", AbiJson.WriteFuseLinkIn),
            FuseOpcode.Open or FuseOpcode.Opendir => ("open_in", AbiJson.WriteFuseOpenIn),
            FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus => ("read_in", AbiJson.WriteFuseReadIn),
            FuseOpcode.Write => ("write_in", AbiJson.WriteFuseWriteIn),
            FuseOpcode.Release or FuseOpcode.Releasedir => ("release_in", AbiJson.WriteFuseReleaseIn),
            FuseOpcode.Fsync or FuseOpcode.Fsyncdir => ("fsync_in", AbiJson.WriteFuseFsyncIn),
            FuseOpcode.Setxattr => ("setxattr_in", AbiJson.WriteFuseSetxattrIn),
            FuseOpcode.Getxattr or FuseOpcode.Listxattr => ("getxattr_in", AbiJson.WriteFuseGetxattrIn),
            FuseOpcode.Flush => ("flush_in", AbiJson.WriteFuseFlushIn),
            FuseOpcode.Init => ("init_in", AbiJson.WriteFuseInitIn),
            FuseOpcode.Getlk or FuseOpcode.Setlk or FuseOpcode.Setlkw => ("lk_in", AbiJson.WriteFuseLkIn),
            FuseOpcode.Access => ("access_in", AbiJson.WriteFuseAccessIn),
            FuseOpcode.Create or FuseOpcode.Tmpfile => ("create_in", AbiJson.WriteFuseCreateIn),
            FuseOpcode.Interrupt => ("interrupt_in", AbiJson.WriteFuseInterruptIn),
            FuseOpcode.Bmap => ("bmap_in", AbiJson.WriteFuseBmapIn),
            FuseOpcode.Ioctl => ("ioctl_in", AbiJson.WriteFuseIoctlIn),
            FuseOpcode.Poll => ("poll_in", AbiJson.WriteFusePollIn),
            FuseOpcode.NotifyReply => ("notify_retrieve_in", AbiJson.WriteFuseNotifyRetrieveIn),
            FuseOpcode.BatchForget => ("batch_forget_in", AbiJson.WriteFuseBatchForgetIn),
            FuseOpcode.Fallocate => ("fallocate_in", AbiJson.WriteFuseFallocateIn),
            FuseOpcode.Rename2 => ("rename2_in", AbiJson.WriteFuseRename2In),
            FuseOpcode.Lseek => ("lseek_in", AbiJson.WriteFuseLseekIn),
            FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64 => ("copy_file_range_in", AbiJson.WriteFuseCopyFileRangeIn),
            FuseOpcode.Setupmapping => ("setupmapping_in", AbiJson.WriteFuseSetupmappingIn),
            FuseOpcode.Removemapping => ("removemapping_in", AbiJson.WriteFuseRemovemappingIn),
            FuseOpcode.Syncfs => ("syncfs_in", AbiJson.WriteFuseSyncfsIn),
            FuseOpcode.Statx => ("statx_in", AbiJson.WriteFuseStatxIn),
            FuseOpcode.CuseInit => ("cuse_init_in", AbiJson.WriteCuseInitIn),
            _ => (null, null),
        };
        WriteObject(w, entry.Item1, entry.Item2, argument);
    }

    /// <summary>Writes a successful reply's fixed body (and CREATE's second part) as <c>"xxx_out": {...}</c>.</summary>
    /// <param name="w">The writer, inside the frame's object.</param>
    /// <param name="opcode">The opcode of the request answered.</param>
    /// <param name="argument">The reply's first fixed part.</param>
    /// <param name="argument2">The reply's second fixed part (CREATE's open_out).</param>
    public static void WriteReply(Utf8JsonWriter w, FuseOpcode opcode, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> argument2)
    {
        (string?, StructWriter?) entry = opcode switch
        {
            FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link
                or FuseOpcode.Create or FuseOpcode.Tmpfile => ("entry_out", AbiJson.WriteFuseEntryOut),
            FuseOpcode.Getattr or FuseOpcode.Setattr => ("attr_out", AbiJson.WriteFuseAttrOut),
            FuseOpcode.Open or FuseOpcode.Opendir => ("open_out", AbiJson.WriteFuseOpenOut),
            FuseOpcode.Write or FuseOpcode.CopyFileRange => ("write_out", AbiJson.WriteFuseWriteOut),
            FuseOpcode.Statfs => ("statfs_out", AbiJson.WriteFuseStatfsOut),
            FuseOpcode.Getxattr or FuseOpcode.Listxattr => ("getxattr_out", AbiJson.WriteFuseGetxattrOut),
            FuseOpcode.Init => ("init_out", AbiJson.WriteFuseInitOut),
            FuseOpcode.Getlk => ("lk_out", AbiJson.WriteFuseLkOut),
            FuseOpcode.Bmap => ("bmap_out", AbiJson.WriteFuseBmapOut),
            FuseOpcode.Ioctl => ("ioctl_out", AbiJson.WriteFuseIoctlOut),
            FuseOpcode.Poll => ("poll_out", AbiJson.WriteFusePollOut),
            FuseOpcode.Lseek => ("lseek_out", AbiJson.WriteFuseLseekOut),
            FuseOpcode.CopyFileRange64 => ("copy_file_range_out", AbiJson.WriteFuseCopyFileRangeOut),
            FuseOpcode.Statx => ("statx_out", AbiJson.WriteFuseStatxOut),
            FuseOpcode.CuseInit => ("cuse_init_out", AbiJson.WriteCuseInitOut),
            _ => (null, null),
        };
        WriteObject(w, entry.Item1, entry.Item2, argument);
        if (opcode is FuseOpcode.Create or FuseOpcode.Tmpfile)
        {
            WriteObject(w, "open_out", AbiJson.WriteFuseOpenOut, argument2);
        }
    }

    /// <summary>Writes a notification's fixed body as <c>"notify_xxx_out": {...}</c>.</summary>
    /// <param name="w">The writer, inside the frame's object.</param>
    /// <param name="code">The notify code.</param>
    /// <param name="argument">The body's bytes.</param>
    public static void WriteNotification(Utf8JsonWriter w, FuseNotifyCode code, ReadOnlySpan<byte> argument)
    {
        (string?, StructWriter?) entry = code switch
        {
            FuseNotifyCode.Poll => ("notify_poll_wakeup_out", AbiJson.WriteFuseNotifyPollWakeupOut),
            FuseNotifyCode.InvalInode => ("notify_inval_inode_out", AbiJson.WriteFuseNotifyInvalInodeOut),
            FuseNotifyCode.InvalEntry => ("notify_inval_entry_out", AbiJson.WriteFuseNotifyInvalEntryOut),
            FuseNotifyCode.Store => ("notify_store_out", AbiJson.WriteFuseNotifyStoreOut),
            FuseNotifyCode.Retrieve => ("notify_retrieve_out", AbiJson.WriteFuseNotifyRetrieveOut),
            FuseNotifyCode.Delete => ("notify_delete_out", AbiJson.WriteFuseNotifyDeleteOut),
            FuseNotifyCode.Prune => ("notify_prune_out", AbiJson.WriteFuseNotifyPruneOut),
            _ => (null, null),
        };
        WriteObject(w, entry.Item1, entry.Item2, argument);
    }

    private static void WriteObject(Utf8JsonWriter w, string? key, StructWriter? writer, ReadOnlySpan<byte> bytes)
    {
        if (key is null || writer is null || bytes.IsEmpty)
        {
            return;
        }

        w.WriteStartObject(key);
        writer(w, bytes);
        w.WriteEndObject();
    }
}
