using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Fuzzing;

/// <summary>Reads each opcode's reply argument as its struct, as a kernel-side peer would.</summary>
internal static class ReplyArguments
{
    public static ulong Read(in FuseReply reply, FuseOpcode opcode) => opcode switch
    {
        FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link => Sink.Hash(reply.GetArgument<FuseEntryOut>()),
        FuseOpcode.Create or FuseOpcode.Tmpfile => Sink.Hash(reply.GetArgument<FuseEntryOut>()) ^ Sink.Hash(reply.GetArgument2<FuseOpenOut>()),
        FuseOpcode.Getattr or FuseOpcode.Setattr => Sink.Hash(reply.GetArgument<FuseAttrOut>()),
        FuseOpcode.Open or FuseOpcode.Opendir => Sink.Hash(reply.GetArgument<FuseOpenOut>()),
        FuseOpcode.Write or FuseOpcode.CopyFileRange => Sink.Hash(reply.GetArgument<FuseWriteOut>()),
        FuseOpcode.Statfs => Sink.Hash(reply.GetArgument<FuseStatfsOut>()),
        FuseOpcode.Getxattr or FuseOpcode.Listxattr => Sink.Hash(reply.GetArgument<FuseGetxattrOut>()),
        FuseOpcode.Init => Sink.Hash(reply.GetArgument<FuseInitOut>()),
        FuseOpcode.Getlk => Sink.Hash(reply.GetArgument<FuseLkOut>()),
        FuseOpcode.Bmap => Sink.Hash(reply.GetArgument<FuseBmapOut>()),
        FuseOpcode.Ioctl => Sink.Hash(reply.GetArgument<FuseIoctlOut>()),
        FuseOpcode.Poll => Sink.Hash(reply.GetArgument<FusePollOut>()),
        FuseOpcode.Lseek => Sink.Hash(reply.GetArgument<FuseLseekOut>()),
        FuseOpcode.CopyFileRange64 => Sink.Hash(reply.GetArgument<FuseCopyFileRangeOut>()),
        FuseOpcode.Statx => Sink.Hash(reply.GetArgument<FuseStatxOut>()),
        FuseOpcode.CuseInit => Sink.Hash(reply.GetArgument<CuseInitOut>()),
        _ => (ulong)(reply.Argument.Length + reply.Data.Length),
    };
}
