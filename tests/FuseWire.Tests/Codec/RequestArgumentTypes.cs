using System;
using System.Runtime.CompilerServices;
using FuseWire.Abi;

namespace FuseWire.Tests.Codec;

/// <summary>The argument struct of each request opcode (fuse.h), written out independently of the library's layout table.</summary>
internal static class RequestArgumentTypes
{
    /// <summary>Every opcode protocol 7.45 defines, CUSE_INIT included.</summary>
    public static FuseOpcode[] AllOpcodes { get; } = Enum.GetValues<FuseOpcode>();

    /// <summary>Calls <paramref name="visitor"/> with the opcode's argument struct; false for opcodes without an argument.</summary>
    public static bool Dispatch(FuseOpcode opcode, IStructVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        switch (opcode)
        {
            case FuseOpcode.Lookup or FuseOpcode.Readlink or FuseOpcode.Symlink or FuseOpcode.Unlink or FuseOpcode.Rmdir
                or FuseOpcode.Statfs or FuseOpcode.Removexattr or FuseOpcode.Destroy:
                return false;
            case FuseOpcode.Forget: visitor.Visit<FuseForgetIn>(); break;
            case FuseOpcode.Getattr: visitor.Visit<FuseGetattrIn>(); break;
            case FuseOpcode.Setattr: visitor.Visit<FuseSetattrIn>(); break;
            case FuseOpcode.Mknod: visitor.Visit<FuseMknodIn>(); break;
            case FuseOpcode.Mkdir: visitor.Visit<FuseMkdirIn>(); break;
            case FuseOpcode.Rename: visitor.Visit<FuseRenameIn>(); break;
            case FuseOpcode.Link: visitor.Visit<FuseLinkIn>(); break;
            case FuseOpcode.Open or FuseOpcode.Opendir: visitor.Visit<FuseOpenIn>(); break;
            case FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus: visitor.Visit<FuseReadIn>(); break;
            case FuseOpcode.Write: visitor.Visit<FuseWriteIn>(); break;
            case FuseOpcode.Release or FuseOpcode.Releasedir: visitor.Visit<FuseReleaseIn>(); break;
            case FuseOpcode.Fsync or FuseOpcode.Fsyncdir: visitor.Visit<FuseFsyncIn>(); break;
            case FuseOpcode.Setxattr: visitor.Visit<FuseSetxattrIn>(); break;
            case FuseOpcode.Getxattr or FuseOpcode.Listxattr: visitor.Visit<FuseGetxattrIn>(); break;
            case FuseOpcode.Flush: visitor.Visit<FuseFlushIn>(); break;
            case FuseOpcode.Init: visitor.Visit<FuseInitIn>(); break;
            case FuseOpcode.Getlk or FuseOpcode.Setlk or FuseOpcode.Setlkw: visitor.Visit<FuseLkIn>(); break;
            case FuseOpcode.Access: visitor.Visit<FuseAccessIn>(); break;
            case FuseOpcode.Create or FuseOpcode.Tmpfile: visitor.Visit<FuseCreateIn>(); break;
            case FuseOpcode.Interrupt: visitor.Visit<FuseInterruptIn>(); break;
            case FuseOpcode.Bmap: visitor.Visit<FuseBmapIn>(); break;
            case FuseOpcode.Ioctl: visitor.Visit<FuseIoctlIn>(); break;
            case FuseOpcode.Poll: visitor.Visit<FusePollIn>(); break;
            case FuseOpcode.NotifyReply: visitor.Visit<FuseNotifyRetrieveIn>(); break;
            case FuseOpcode.BatchForget: visitor.Visit<FuseBatchForgetIn>(); break;
            case FuseOpcode.Fallocate: visitor.Visit<FuseFallocateIn>(); break;
            case FuseOpcode.Rename2: visitor.Visit<FuseRename2In>(); break;
            case FuseOpcode.Lseek: visitor.Visit<FuseLseekIn>(); break;
            case FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64: visitor.Visit<FuseCopyFileRangeIn>(); break;
            case FuseOpcode.Setupmapping: visitor.Visit<FuseSetupmappingIn>(); break;
            case FuseOpcode.Removemapping: visitor.Visit<FuseRemovemappingIn>(); break;
            case FuseOpcode.Syncfs: visitor.Visit<FuseSyncfsIn>(); break;
            case FuseOpcode.Statx: visitor.Visit<FuseStatxIn>(); break;
            case FuseOpcode.CuseInit: visitor.Visit<CuseInitIn>(); break;
            default: throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "Not an opcode of 7.45.");
        }

        return true;
    }

    /// <summary>The full (7.45) size of the opcode's argument struct; 0 when it has none.</summary>
    public static int FullSize(FuseOpcode opcode)
    {
        SizeVisitor visitor = new();
        return Dispatch(opcode, visitor) ? visitor.Size : 0;
    }

    /// <summary>
    /// The argument's wire size at <paramref name="protocol"/>, from fuse.h's compat sizes: GETATTR has none before 7.9,
    /// READ/READDIR(PLUS)/WRITE 24 bytes before 7.9, MKNOD 8 and CREATE 8 (<c>fuse_open_in</c>) before 7.12,
    /// SETXATTR 8 without FUSE_SETXATTR_EXT, INIT 16 when the request states a minor below 36.
    /// </summary>
    public static int WireSize(FuseOpcode opcode, in FuseWire.Protocol.FuseProtocol protocol, uint initMinor)
    {
        uint minor = protocol.Minor;
        return opcode switch
        {
            FuseOpcode.Getattr when minor < 9 => 0,
            FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus or FuseOpcode.Write when minor < 9 => 24,
            FuseOpcode.Mknod or FuseOpcode.Create when minor < 12 => 8,
            FuseOpcode.Setxattr => protocol.Has(FuseInitFlags.SetxattrExt) ? 16 : 8,
            FuseOpcode.Init => initMinor < 36 ? 16 : 64,
            _ => FullSize(opcode),
        };
    }

    private sealed class SizeVisitor : IStructVisitor
    {
        public int Size { get; private set; }

        public void Visit<T>()
            where T : unmanaged => Size = Unsafe.SizeOf<T>();
    }
}
