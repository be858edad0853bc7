using FuseWire.Abi;

namespace FuseWire.Protocol;

/// <summary>
/// The request side of the protocol table: for every opcode, the argument size at the negotiated minor and flags, the names and the trailer.
/// </summary>
internal static class FuseRequestLayout
{
    private const FuseNameKind E = FuseNameKind.Entry;
    private const FuseNameKind N = FuseNameKind.None;

    /// <summary>Looks up an opcode's request shape. INIT's argument size is decided by the frame itself (see <see cref="FuseProtocol.InitInSize"/>).</summary>
    /// <param name="opcode">The opcode.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="shape">The shape.</param>
    /// <returns>False for an opcode protocol 7.45 does not define.</returns>
    public static bool TryGetShape(FuseOpcode opcode, in FuseProtocol protocol, out FuseRequestShape shape)
    {
        uint minor = protocol.Minor;
        shape = opcode switch
        {
            FuseOpcode.Lookup => new(0, E, N, FuseTrailer.None),
            FuseOpcode.Forget => new(FuseForgetIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Getattr => new(minor < 9 ? 0 : FuseGetattrIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Setattr => new(FuseSetattrIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Readlink => new(0, N, N, FuseTrailer.None),
            FuseOpcode.Symlink => new(0, E, FuseNameKind.Path, FuseTrailer.None),
            FuseOpcode.Mknod => new(minor < 12 ? FuseConstants.CompatMknodInSize : FuseMknodIn.StructSize, E, N, FuseTrailer.None),
            FuseOpcode.Mkdir => new(FuseMkdirIn.StructSize, E, N, FuseTrailer.None),
            FuseOpcode.Unlink => new(0, E, N, FuseTrailer.None),
            FuseOpcode.Rmdir => new(0, E, N, FuseTrailer.None),
            FuseOpcode.Rename => new(FuseRenameIn.StructSize, E, E, FuseTrailer.None),
            FuseOpcode.Link => new(FuseLinkIn.StructSize, E, N, FuseTrailer.None),
            FuseOpcode.Open => new(FuseOpenIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Read => new(protocol.ReadInSize, N, N, FuseTrailer.None),
            FuseOpcode.Write => new(protocol.WriteInSize, N, N, FuseTrailer.WriteData),
            FuseOpcode.Statfs => new(0, N, N, FuseTrailer.None),
            FuseOpcode.Release => new(FuseReleaseIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Fsync => new(FuseFsyncIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Setxattr => new(protocol.SetxattrInSize, FuseNameKind.Xattr, N, FuseTrailer.XattrValue),
            FuseOpcode.Getxattr => new(FuseGetxattrIn.StructSize, FuseNameKind.Xattr, N, FuseTrailer.None),
            FuseOpcode.Listxattr => new(FuseGetxattrIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Removexattr => new(0, FuseNameKind.Xattr, N, FuseTrailer.None),
            FuseOpcode.Flush => new(FuseFlushIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Init => new(FuseConstants.CompatInitInSize, N, N, FuseTrailer.None),
            FuseOpcode.Opendir => new(FuseOpenIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Readdir => new(protocol.ReadInSize, N, N, FuseTrailer.None),
            FuseOpcode.Releasedir => new(FuseReleaseIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Fsyncdir => new(FuseFsyncIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Getlk or FuseOpcode.Setlk or FuseOpcode.Setlkw => new(FuseLkIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Access => new(FuseAccessIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Create => new(minor < 12 ? FuseOpenIn.StructSize : FuseCreateIn.StructSize, E, N, FuseTrailer.None),
            FuseOpcode.Interrupt => new(FuseInterruptIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Bmap => new(FuseBmapIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Destroy => new(0, N, N, FuseTrailer.None),
            FuseOpcode.Ioctl => new(FuseIoctlIn.StructSize, N, N, FuseTrailer.IoctlInput),
            FuseOpcode.Poll => new(FusePollIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.NotifyReply => new(FuseNotifyRetrieveIn.StructSize, N, N, FuseTrailer.NotifyReplyData),
            FuseOpcode.BatchForget => new(FuseBatchForgetIn.StructSize, N, N, FuseTrailer.Forgets),
            FuseOpcode.Fallocate => new(FuseFallocateIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Readdirplus => new(protocol.ReadInSize, N, N, FuseTrailer.None),
            FuseOpcode.Rename2 => new(FuseRename2In.StructSize, E, E, FuseTrailer.None),
            FuseOpcode.Lseek => new(FuseLseekIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64 => new(FuseCopyFileRangeIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Setupmapping => new(FuseSetupmappingIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Removemapping => new(FuseRemovemappingIn.StructSize, N, N, FuseTrailer.RemoveMappings),
            FuseOpcode.Syncfs => new(FuseSyncfsIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.Tmpfile => new(FuseCreateIn.StructSize, FuseNameKind.Tmpfile, N, FuseTrailer.None),
            FuseOpcode.Statx => new(FuseStatxIn.StructSize, N, N, FuseTrailer.None),
            FuseOpcode.CuseInit => new(CuseInitIn.StructSize, N, N, FuseTrailer.None),
            _ => default,
        };
        return IsKnown(opcode);
    }

    /// <summary>Whether protocol 7.45 defines <paramref name="opcode"/> (without building its shape).</summary>
    /// <param name="opcode">The opcode.</param>
    /// <returns>True for a defined opcode.</returns>
    public static bool IsKnown(FuseOpcode opcode) =>
        opcode is >= FuseOpcode.Lookup and <= FuseOpcode.CopyFileRange64 and not (FuseOpcode)7 and not (FuseOpcode)19
        || opcode == FuseOpcode.CuseInit;

    /// <summary>Whether an opcode is never answered (FORGET, BATCH_FORGET, NOTIFY_REPLY).</summary>
    /// <param name="opcode">The opcode.</param>
    /// <returns>True when the opcode gets no reply.</returns>
    public static bool IsNoReply(FuseOpcode opcode) =>
        opcode is FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.NotifyReply;
}
