using System;
using System.Buffers;
using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Formatting;

/// <summary>One deterministic, realistic reply per opcode that gets one, built with <see cref="FuseReplyWriter"/> at 7.45.</summary>
internal static class SampleReplies
{
    public static FuseAttr Attr => new()
    {
        Ino = 2,
        Size = 12,
        Blocks = 8,
        ATime = 1_700_000_000,
        MTime = 1_700_000_100,
        CTime = 1_700_000_200,
        ATimeNsec = 123_456_789,
        MTimeNsec = 0,
        CTimeNsec = 1,
        Mode = 0x81a4,
        NLink = 1,
        Uid = 1000,
        Gid = 1000,
        Rdev = 0,
        BlkSize = 4096,
        Flags = 0,
    };

    public static FuseEntryOut Entry => new()
    {
        NodeId = 2,
        Generation = 1,
        EntryValid = 1,
        AttrValid = 1,
        EntryValidNsec = 0,
        AttrValidNsec = 500_000_000,
        Attr = Attr,
    };

    /// <summary>Opcodes whose request gets a reply, in enum order.</summary>
    public static IEnumerable<FuseOpcode> RepliedOpcodes()
    {
        foreach (FuseOpcode opcode in Enum.GetValues<FuseOpcode>())
        {
            if (opcode is not (FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.NotifyReply))
            {
                yield return opcode;
            }
        }
    }

    public static SampleReply For(FuseOpcode opcode, uint requestedSize = 0)
    {
        ArrayBufferWriter<byte> output = new();
        FuseProtocol p = FuseProtocol.Latest;
        ulong u = SampleRequests.UniqueOf(opcode);
        uint size = requestedSize;
        switch (opcode)
        {
            case FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link:
                FuseReplyWriter.WriteEntry(output, p, u, Entry);
                break;
            case FuseOpcode.Create or FuseOpcode.Tmpfile:
                FuseReplyWriter.WriteCreate(output, p, u, Entry, new FuseOpenOut { Fh = 7, OpenFlags = (uint)(FopenFlags.DirectIo | FopenFlags.KeepCache) });
                break;
            case FuseOpcode.Getattr or FuseOpcode.Setattr:
                FuseReplyWriter.WriteAttr(output, p, u, new FuseAttrOut { AttrValid = 1, AttrValidNsec = 0, Attr = Attr });
                break;
            case FuseOpcode.Readlink:
                FuseReplyWriter.WriteData(output, u, SampleRequests.Utf8("../target dir/file"));
                break;
            case FuseOpcode.Read:
                size = 4096;
                FuseReplyWriter.WriteData(output, u, new byte[4096]);
                break;
            case FuseOpcode.Open or FuseOpcode.Opendir:
                FuseReplyWriter.WriteOpen(output, u, new FuseOpenOut { Fh = 1, OpenFlags = (uint)FopenFlags.KeepCache });
                break;
            case FuseOpcode.Write:
                FuseReplyWriter.WriteWrite(output, u, 5);
                break;
            case FuseOpcode.CopyFileRange:
                FuseReplyWriter.WriteWrite(output, u, 65536);
                break;
            case FuseOpcode.Statfs:
                FuseReplyWriter.WriteStatfs(output, p, u, new FuseStatfsOut
                {
                    St = new FuseKstatfs { Blocks = 1_000_000, BFree = 500_000, BAvail = 400_000, Files = 65536, FFree = 60000, BSize = 4096, NameLen = 255, FrSize = 4096 },
                });
                break;
            case FuseOpcode.Getxattr when size == 0:
                FuseReplyWriter.WriteXattrSize(output, u, 4);
                break;
            case FuseOpcode.Getxattr:
                FuseReplyWriter.WriteData(output, u, SampleRequests.Utf8("blue"));
                break;
            case FuseOpcode.Listxattr when size == 0:
                FuseReplyWriter.WriteXattrSize(output, u, 22);
                break;
            case FuseOpcode.Listxattr:
                FuseReplyWriter.WriteData(output, u, SampleRequests.Utf8("user.color\0user.tag\0"));
                break;
            case FuseOpcode.Init:
                FuseInitFlags flags = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.InitExt | FuseInitFlags.HasResend;
                FuseReplyWriter.WriteInit(output, u, new FuseInitOut
                {
                    Major = 7,
                    Minor = 45,
                    MaxReadahead = 131072,
                    Flags = (uint)flags,
                    Flags2 = (uint)((ulong)flags >> 32),
                    MaxBackground = 12,
                    CongestionThreshold = 9,
                    MaxWrite = 1 << 20,
                    TimeGran = 1,
                    MaxPages = 256,
                    RequestTimeout = 30,
                });
                break;
            case FuseOpcode.Getlk:
                FuseReplyWriter.Write(output, p, opcode, u, new FuseLkOut { Lk = new FuseFileLock { Start = 0, End = 99, Type = 2, Pid = 0 } });
                break;
            case FuseOpcode.Bmap:
                FuseReplyWriter.Write(output, p, opcode, u, new FuseBmapOut { Block = 1234 });
                break;
            case FuseOpcode.Ioctl:
                size = 60;
                FuseReplyWriter.Write(output, p, opcode, u, new FuseIoctlOut { Result = 0 }, [0x0d, 0x0a, 0x00, 0x00]);
                break;
            case FuseOpcode.Poll:
                FuseReplyWriter.Write(output, p, opcode, u, new FusePollOut { REvents = 5 });
                break;
            case FuseOpcode.Readdir or FuseOpcode.Readdirplus:
                size = 4096;
                FuseReplyWriter.WriteData(output, u, Dirents(opcode == FuseOpcode.Readdirplus));
                break;
            case FuseOpcode.Lseek:
                FuseReplyWriter.Write(output, p, opcode, u, new FuseLseekOut { Offset = 8192 });
                break;
            case FuseOpcode.CopyFileRange64:
                FuseReplyWriter.Write(output, p, opcode, u, new FuseCopyFileRangeOut { BytesCopied = 5_000_000_000 });
                break;
            case FuseOpcode.Statx:
                FuseReplyWriter.Write(output, p, opcode, u, Statx());
                break;
            case FuseOpcode.CuseInit:
                FuseReplyWriter.Write(output, p, opcode, u, new CuseInitOut
                {
                    Major = 7,
                    Minor = 45,
                    Flags = (uint)CuseInitFlags.UnrestrictedIoctl,
                    MaxRead = 65536,
                    MaxWrite = 65536,
                    DevMajor = 10,
                    DevMinor = 200,
                }, SampleRequests.Utf8("DEVNAME=fusewire\0"));
                break;
            case FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.NotifyReply:
                throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "Never replied to.");
            default:
                FuseReplyWriter.WriteEmpty(output, u);
                break;
        }

        return new SampleReply(output.WrittenSpan.ToArray(), new FuseReplyContext(opcode, u, size));
    }

    /// <summary>A directory listing of the first <paramref name="count"/> of ten names ("." and ".." are directories).</summary>
    public static byte[] Dirents(bool plus, int count = 3)
    {
        byte[] buffer = new byte[4096];
        FuseDirentWriter writer = new(buffer, plus);
        string[] names = [".", "..", "foo", "bar", "baz", "qux", "quux", "corge", "grault", "garply"];
        for (int i = 0; i < count; i++)
        {
            FuseEntryOut entry = Entry with { NodeId = (ulong)(i + 1) };
            bool added = writer.TryAdd((ulong)(i + 1), (ulong)(i + 1), i < 2 ? 4u : 8u, SampleRequests.Utf8(names[i]), entry);
            if (!added)
            {
                throw new InvalidOperationException("The dirent buffer is too small.");
            }
        }

        return writer.Written.ToArray();
    }

    private static FuseStatxOut Statx() => new()
    {
        AttrValid = 2,
        AttrValidNsec = 0,
        Flags = 0,
        Stat = new FuseStatx
        {
            Mask = 0x7ff,
            BlkSize = 4096,
            NLink = 1,
            Uid = 1000,
            Gid = 1000,
            Mode = 0x81a4,
            Ino = 2,
            Size = 12,
            Blocks = 8,
            ATime = new FuseSxTime { TvSec = 1_700_000_000, TvNsec = 123_456_789 },
            BTime = new FuseSxTime { TvSec = 1_600_000_000 },
            CTime = new FuseSxTime { TvSec = 1_700_000_200, TvNsec = 1 },
            MTime = new FuseSxTime { TvSec = 1_700_000_100 },
            DevMajor = 0,
            DevMinor = 42,
        },
    };
}
