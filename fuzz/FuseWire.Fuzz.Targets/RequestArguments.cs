using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Fuzzing;

/// <summary>Reads each opcode's argument as its struct, as a file system would.</summary>
internal static class RequestArguments
{
    public static ulong Read(in FuseRequest request) => request.Opcode switch
    {
        FuseOpcode.Forget => Sink.Hash(request.GetArgument<FuseForgetIn>()),
        FuseOpcode.Getattr => Sink.Hash(request.GetArgument<FuseGetattrIn>()),
        FuseOpcode.Setattr => Sink.Hash(request.GetArgument<FuseSetattrIn>()),
        FuseOpcode.Mknod => Sink.Hash(request.GetArgument<FuseMknodIn>()),
        FuseOpcode.Mkdir => Sink.Hash(request.GetArgument<FuseMkdirIn>()),
        FuseOpcode.Rename => Sink.Hash(request.GetArgument<FuseRenameIn>()),
        FuseOpcode.Link => Sink.Hash(request.GetArgument<FuseLinkIn>()),
        FuseOpcode.Open or FuseOpcode.Opendir => Sink.Hash(request.GetArgument<FuseOpenIn>()),
        FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus => Sink.Hash(request.GetArgument<FuseReadIn>()),
        FuseOpcode.Write => Sink.Hash(request.GetArgument<FuseWriteIn>()),
        FuseOpcode.Release or FuseOpcode.Releasedir => Sink.Hash(request.GetArgument<FuseReleaseIn>()),
        FuseOpcode.Fsync or FuseOpcode.Fsyncdir => Sink.Hash(request.GetArgument<FuseFsyncIn>()),
        FuseOpcode.Setxattr => Sink.Hash(request.GetArgument<FuseSetxattrIn>()),
        FuseOpcode.Getxattr or FuseOpcode.Listxattr => Sink.Hash(request.GetArgument<FuseGetxattrIn>()),
        FuseOpcode.Flush => Sink.Hash(request.GetArgument<FuseFlushIn>()),
        FuseOpcode.Init => Sink.Hash(request.GetArgument<FuseInitIn>()),
        FuseOpcode.Getlk or FuseOpcode.Setlk or FuseOpcode.Setlkw => Sink.Hash(request.GetArgument<FuseLkIn>()),
        FuseOpcode.Access => Sink.Hash(request.GetArgument<FuseAccessIn>()),
        FuseOpcode.Create or FuseOpcode.Tmpfile => Sink.Hash(request.GetArgument<FuseCreateIn>()),
        FuseOpcode.Interrupt => Sink.Hash(request.GetArgument<FuseInterruptIn>()),
        FuseOpcode.Bmap => Sink.Hash(request.GetArgument<FuseBmapIn>()),
        FuseOpcode.Ioctl => Sink.Hash(request.GetArgument<FuseIoctlIn>()),
        FuseOpcode.Poll => Sink.Hash(request.GetArgument<FusePollIn>()),
        FuseOpcode.NotifyReply => Sink.Hash(request.GetArgument<FuseNotifyRetrieveIn>()),
        FuseOpcode.BatchForget => Sink.Hash(request.GetArgument<FuseBatchForgetIn>()),
        FuseOpcode.Fallocate => Sink.Hash(request.GetArgument<FuseFallocateIn>()),
        FuseOpcode.Rename2 => Sink.Hash(request.GetArgument<FuseRename2In>()),
        FuseOpcode.Lseek => Sink.Hash(request.GetArgument<FuseLseekIn>()),
        FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64 => Sink.Hash(request.GetArgument<FuseCopyFileRangeIn>()),
        FuseOpcode.Setupmapping => Sink.Hash(request.GetArgument<FuseSetupmappingIn>()),
        FuseOpcode.Removemapping => Sink.Hash(request.GetArgument<FuseRemovemappingIn>()),
        FuseOpcode.Syncfs => Sink.Hash(request.GetArgument<FuseSyncfsIn>()),
        FuseOpcode.Statx => Sink.Hash(request.GetArgument<FuseStatxIn>()),
        FuseOpcode.CuseInit => Sink.Hash(request.GetArgument<CuseInitIn>()),
        _ => (ulong)request.Argument.Length,
    };
}
