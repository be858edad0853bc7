using FuseWire.Abi;
using FuseWire.Protocol;

namespace FuseWire.Tests.Codec;

/// <summary>The reply struct(s) of each opcode (fuse.h), and their wire sizes per minor, written out independently of the library's table.</summary>
internal static class ReplyArgumentTypes
{
    /// <summary>The opcodes the kernel never expects a reply to.</summary>
    public static bool IsNoReply(FuseOpcode opcode) => opcode is FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.NotifyReply;

    /// <summary>Calls <paramref name="visitor"/> with the first reply struct; false when the reply has none (empty or data-only).</summary>
    public static bool Dispatch(FuseOpcode opcode, uint requestedSize, IStructVisitor visitor)
    {
        System.ArgumentNullException.ThrowIfNull(visitor);
        switch (opcode)
        {
            case FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link
                or FuseOpcode.Create or FuseOpcode.Tmpfile:
                visitor.Visit<FuseEntryOut>();
                break;
            case FuseOpcode.Getattr or FuseOpcode.Setattr: visitor.Visit<FuseAttrOut>(); break;
            case FuseOpcode.Open or FuseOpcode.Opendir: visitor.Visit<FuseOpenOut>(); break;
            case FuseOpcode.Write or FuseOpcode.CopyFileRange: visitor.Visit<FuseWriteOut>(); break;
            case FuseOpcode.Statfs: visitor.Visit<FuseStatfsOut>(); break;
            case FuseOpcode.Getxattr or FuseOpcode.Listxattr when requestedSize == 0: visitor.Visit<FuseGetxattrOut>(); break;
            case FuseOpcode.Init: visitor.Visit<FuseInitOut>(); break;
            case FuseOpcode.Getlk: visitor.Visit<FuseLkOut>(); break;
            case FuseOpcode.Bmap: visitor.Visit<FuseBmapOut>(); break;
            case FuseOpcode.Ioctl: visitor.Visit<FuseIoctlOut>(); break;
            case FuseOpcode.Poll: visitor.Visit<FusePollOut>(); break;
            case FuseOpcode.Lseek: visitor.Visit<FuseLseekOut>(); break;
            case FuseOpcode.CopyFileRange64: visitor.Visit<FuseCopyFileRangeOut>(); break;
            case FuseOpcode.Statx: visitor.Visit<FuseStatxOut>(); break;
            case FuseOpcode.CuseInit: visitor.Visit<CuseInitOut>(); break;
            default: return false;
        }

        return true;
    }

    /// <summary>Whether a successful reply carries data after its fixed part (READ, READLINK, xattr values, dirents, ioctl output, CUSE info).</summary>
    public static bool CarriesData(FuseOpcode opcode, uint requestedSize) => opcode switch
    {
        FuseOpcode.Read or FuseOpcode.Readlink or FuseOpcode.Readdir or FuseOpcode.Readdirplus or FuseOpcode.Ioctl or FuseOpcode.CuseInit => true,
        FuseOpcode.Getxattr or FuseOpcode.Listxattr => requestedSize != 0,
        _ => false,
    };

    /// <summary>The first argument's wire size: entry 120 and attr 96 before 7.9, statfs 48 before 7.4, INIT by the minor it states (8 before 7.5, 24 before 7.23, 64).</summary>
    public static int WireSize(FuseOpcode opcode, uint requestedSize, in FuseProtocol protocol, uint initMinor)
    {
        uint minor = protocol.Minor;
        return opcode switch
        {
            FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link
                or FuseOpcode.Create or FuseOpcode.Tmpfile => minor < 9 ? 120 : 128,
            FuseOpcode.Getattr or FuseOpcode.Setattr => minor < 9 ? 96 : 104,
            FuseOpcode.Statfs => minor < 4 ? 48 : 80,
            FuseOpcode.Init => initMinor < 5 ? 8 : initMinor < 23 ? 24 : 64,
            _ => FullSize(opcode, requestedSize),
        };
    }

    /// <summary>The full size of the first reply struct; 0 when none.</summary>
    public static int FullSize(FuseOpcode opcode, uint requestedSize)
    {
        SizeOf visitor = new();
        return Dispatch(opcode, requestedSize, visitor) ? visitor.Size : 0;
    }

    private sealed class SizeOf : IStructVisitor
    {
        public int Size { get; private set; }

        public void Visit<T>()
            where T : unmanaged => Size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
    }
}
