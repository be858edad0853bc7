using System;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Codec;

/// <summary>A successful reply with distinctive contents for one opcode at one protocol, and the context of the request it answers.</summary>
internal sealed class ReplySample
{
    private ReplySample(FuseOpcode opcode, FuseProtocol protocol, uint requestedSize)
    {
        Opcode = opcode;
        Protocol = protocol;
        RequestedSize = requestedSize;
    }

    public FuseOpcode Opcode { get; }

    public FuseProtocol Protocol { get; }

    public ulong Unique => 0xAB00_0000_0000_0000UL + (uint)Opcode;

    /// <summary>READ/READDIR(PLUS)/GETXATTR/LISTXATTR size or IOCTL out_size of the request answered.</summary>
    public uint RequestedSize { get; }

    public FuseReplyContext Context => new(Opcode, Unique, RequestedSize);

    /// <summary>The full first reply struct's bytes (cut to its wire size by the writer).</summary>
    public byte[] Argument { get; private set; } = [];

    /// <summary>CREATE and TMPFILE's <c>fuse_open_out</c>.</summary>
    public byte[] Argument2 { get; private set; } = [];

    public byte[] Data { get; private set; } = [];

    public uint InitMinor => Opcode == FuseOpcode.Init ? Protocol.Minor : 0;

    public int ArgumentWireSize => ReplyArgumentTypes.WireSize(Opcode, RequestedSize, Protocol, InitMinor);

    public int ExpectedLength => FuseOutHeader.StructSize + ArgumentWireSize + Argument2.Length + Data.Length;

    /// <summary>Creates the sample; <paramref name="sizeQuery"/> makes GETXATTR/LISTXATTR ask for the size only (request size 0).</summary>
    public static ReplySample Create(FuseOpcode opcode, FuseProtocol protocol, bool sizeQuery = false)
    {
        uint requestedSize = opcode switch
        {
            FuseOpcode.Read => 4096,
            FuseOpcode.Getxattr or FuseOpcode.Listxattr => sizeQuery ? 0u : 64u,
            FuseOpcode.Ioctl => 64,
            FuseOpcode.Readdir => (uint)DirentSamples.Listing(false).Length,
            FuseOpcode.Readdirplus => (uint)DirentSamples.Listing(true).Length + 8,
            _ => 0,
        };
        ReplySample s = new(opcode, protocol, requestedSize);
        s.Argument = DistinctArgument(opcode, requestedSize, 7);
        switch (opcode)
        {
            case FuseOpcode.Create or FuseOpcode.Tmpfile:
                s.Argument2 = WireBytes.Of(WireBytes.Distinct<FuseOpenOut>(8));
                break;
            case FuseOpcode.Write or FuseOpcode.CopyFileRange:
                s.Argument = WireBytes.Of(new FuseWriteOut { Size = 0x1234_5678 });
                break;
            case FuseOpcode.Getxattr or FuseOpcode.Listxattr when sizeQuery:
                s.Argument = WireBytes.Of(new FuseGetxattrOut { Size = 0x0BAD_F00D });
                break;
            case FuseOpcode.Init:
                WireBytes.PutUInt32(s.Argument, 0, FuseConstants.KernelVersion);
                WireBytes.PutUInt32(s.Argument, 4, protocol.Minor);
                break;
            default:
                break;
        }

        s.Data = opcode switch
        {
            FuseOpcode.Read => WireBytes.Pattern(100, 9),
            FuseOpcode.Readlink => Encoding.UTF8.GetBytes("../some/target"),
            FuseOpcode.Getxattr when !sizeQuery => WireBytes.Pattern(20, 10),
            FuseOpcode.Listxattr when !sizeQuery => Encoding.UTF8.GetBytes("user.a\0user.bb\0security.selinux\0"),
            FuseOpcode.Ioctl => WireBytes.Pattern(10, 11),
            FuseOpcode.Readdir => DirentSamples.Listing(false),
            FuseOpcode.Readdirplus => DirentSamples.Listing(true),
            FuseOpcode.CuseInit => Encoding.UTF8.GetBytes("DEVNAME=fusewire-test\0"),
            _ => [],
        };
        return s;
    }

    /// <summary>The full first reply struct with distinctive non-zero bytes; empty when the reply has none.</summary>
    public static byte[] DistinctArgument(FuseOpcode opcode, uint requestedSize, int seed)
    {
        Distinct visitor = new(seed);
        return ReplyArgumentTypes.Dispatch(opcode, requestedSize, visitor) ? visitor.Bytes : [];
    }

    /// <summary>Writes the reply with the generic <see cref="FuseReplyWriter.Write"/>.</summary>
    public byte[] WriteGeneric()
    {
        FuseProtocol protocol = Protocol;
        return WireBytes.Capture(o => FuseReplyWriter.Write(o, protocol, Opcode, Unique, Argument, Argument2, Data));
    }

    /// <summary>Writes the reply with the opcode's typed helper (WriteEntry, WriteAttr, WriteCreate, WriteInit, WriteData, ...).</summary>
    public byte[] WriteTyped()
    {
        FuseProtocol protocol = Protocol;
        ulong unique = Unique;
        return Opcode switch
        {
            FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link =>
                WireBytes.Capture(o => FuseReplyWriter.WriteEntry(o, protocol, unique, WireBytes.ZeroExtended<FuseEntryOut>(Argument))),
            FuseOpcode.Create or FuseOpcode.Tmpfile => WireBytes.Capture(o => FuseReplyWriter.WriteCreate(
                o, protocol, unique, WireBytes.ZeroExtended<FuseEntryOut>(Argument), WireBytes.ZeroExtended<FuseOpenOut>(Argument2))),
            FuseOpcode.Getattr or FuseOpcode.Setattr =>
                WireBytes.Capture(o => FuseReplyWriter.WriteAttr(o, protocol, unique, WireBytes.ZeroExtended<FuseAttrOut>(Argument))),
            FuseOpcode.Open or FuseOpcode.Opendir =>
                WireBytes.Capture(o => FuseReplyWriter.WriteOpen(o, unique, WireBytes.ZeroExtended<FuseOpenOut>(Argument))),
            FuseOpcode.Write or FuseOpcode.CopyFileRange =>
                WireBytes.Capture(o => FuseReplyWriter.WriteWrite(o, unique, WireBytes.ZeroExtended<FuseWriteOut>(Argument).Size)),
            FuseOpcode.Statfs =>
                WireBytes.Capture(o => FuseReplyWriter.WriteStatfs(o, protocol, unique, WireBytes.ZeroExtended<FuseStatfsOut>(Argument))),
            FuseOpcode.Getxattr or FuseOpcode.Listxattr when RequestedSize == 0 =>
                WireBytes.Capture(o => FuseReplyWriter.WriteXattrSize(o, unique, WireBytes.ZeroExtended<FuseGetxattrOut>(Argument).Size)),
            FuseOpcode.Init => WireBytes.Capture(o => FuseReplyWriter.WriteInit(o, unique, WireBytes.ZeroExtended<FuseInitOut>(Argument))),
            FuseOpcode.Getlk => WriteStruct<FuseLkOut>(),
            FuseOpcode.Bmap => WriteStruct<FuseBmapOut>(),
            FuseOpcode.Ioctl => WriteStruct<FuseIoctlOut>(),
            FuseOpcode.Poll => WriteStruct<FusePollOut>(),
            FuseOpcode.Lseek => WriteStruct<FuseLseekOut>(),
            FuseOpcode.CopyFileRange64 => WriteStruct<FuseCopyFileRangeOut>(),
            FuseOpcode.Statx => WriteStruct<FuseStatxOut>(),
            FuseOpcode.CuseInit => WriteStruct<CuseInitOut>(),
            _ when Data.Length != 0 => WireBytes.Capture(o => FuseReplyWriter.WriteData(o, unique, Data)),
            _ => WireBytes.Capture(o => FuseReplyWriter.WriteEmpty(o, unique)),
        };
    }

    private byte[] WriteStruct<T>()
        where T : unmanaged
    {
        FuseProtocol protocol = Protocol;
        T value = WireBytes.ZeroExtended<T>(Argument);
        return WireBytes.Capture(o => FuseReplyWriter.Write(o, protocol, Opcode, Unique, value, Data));
    }

    private sealed class Distinct(int seed) : IStructVisitor
    {
        public byte[] Bytes { get; private set; } = [];

        public void Visit<T>()
            where T : unmanaged => Bytes = WireBytes.Of(WireBytes.Distinct<T>(seed));
    }
}
