using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Formatting;

/// <summary>One deterministic, realistic request frame per opcode, built with <see cref="FuseRequestWriter"/> at 7.45.</summary>
internal static class SampleRequests
{
    public static FuseProtocol Protocol => FuseProtocol.Latest;

    public static ulong UniqueOf(FuseOpcode opcode) => 100 + (ulong)opcode;

    public static FuseInHeader Header(FuseOpcode opcode, ulong nodeId) => new()
    {
        Opcode = opcode,
        Unique = UniqueOf(opcode),
        NodeId = nodeId,
        Uid = 1000,
        Gid = 1000,
        Pid = 4242,
    };

    public static byte[] For(FuseOpcode opcode)
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader h = Header(opcode, 2);
        FuseInHeader dir = Header(opcode, 1);
        FuseProtocol p = Protocol;
        FuseCreateIn create = new() { Flags = 0x8241, Mode = 0x81a4, Umask = 0x12 };
        FuseReadIn read = new() { Fh = 1, Offset = 0, Size = 4096, Flags = 0x8000 };
        FuseReleaseIn release = new() { Fh = 1, Flags = 0x8000, ReleaseFlags = (uint)FuseReleaseFlags.Flush, LockOwner = 0x1234 };
        FuseLkIn lk = new() { Fh = 1, Owner = 0xabcd, Lk = new FuseFileLock { Start = 0, End = long.MaxValue, Type = 1, Pid = 4242 } };
        FuseCopyFileRangeIn copy = new() { FhIn = 1, OffIn = 0, NodeIdOut = 3, FhOut = 2, OffOut = 4096, Len = 65536 };
        switch (opcode)
        {
            case FuseOpcode.Lookup:
                FuseRequestWriter.Write(output, p, dir, default, Utf8("foo"));
                break;
            case FuseOpcode.Forget:
                FuseRequestWriter.Write(output, p, h, new FuseForgetIn { NLookup = 3 });
                break;
            case FuseOpcode.Getattr:
                FuseRequestWriter.Write(output, p, h, new FuseGetattrIn { GetattrFlags = (uint)FuseGetattrFlags.Fh, Fh = 5 });
                break;
            case FuseOpcode.Setattr:
                FuseRequestWriter.Write(output, p, h, new FuseSetattrIn
                {
                    Valid = (uint)(FattrFlags.Mode | FattrFlags.Size | FattrFlags.Fh | FattrFlags.Mtime),
                    Fh = 1,
                    Size = 12,
                    Mode = 0x81ed,
                    MTime = 1_700_000_000,
                    MTimeNsec = 5,
                    ATime = 99, // not valid: must not be shown
                });
                break;
            case FuseOpcode.Readlink or FuseOpcode.Statfs or FuseOpcode.Destroy:
                FuseRequestWriter.Write(output, p, h, default);
                break;
            case FuseOpcode.Symlink:
                FuseRequestWriter.Write(output, p, dir, default, Utf8("link"), Utf8("../target dir/file"));
                break;
            case FuseOpcode.Mknod:
                FuseRequestWriter.Write(output, p, dir, new FuseMknodIn { Mode = 0x11a4, Rdev = 0, Umask = 0x12 }, Utf8("fifo"));
                break;
            case FuseOpcode.Mkdir:
                FuseRequestWriter.Write(output, p, dir, new FuseMkdirIn { Mode = 0x41ed, Umask = 0x12 }, Utf8("dir"));
                break;
            case FuseOpcode.Unlink:
                FuseRequestWriter.Write(output, p, dir, default, Utf8("old.txt"));
                break;
            case FuseOpcode.Rmdir:
                FuseRequestWriter.Write(output, p, dir, default, Utf8("dir"));
                break;
            case FuseOpcode.Rename:
                FuseRequestWriter.Write(output, p, dir, new FuseRenameIn { NewDir = 3 }, Utf8("a"), Utf8("b"));
                break;
            case FuseOpcode.Link:
                FuseRequestWriter.Write(output, p, dir, new FuseLinkIn { OldNodeId = 5 }, Utf8("hard"));
                break;
            case FuseOpcode.Open:
                FuseRequestWriter.Write(output, p, h, new FuseOpenIn { Flags = 0x8002, OpenFlags = (uint)FuseOpenInFlags.KillSuidgid });
                break;
            case FuseOpcode.Opendir:
                FuseRequestWriter.Write(output, p, dir, new FuseOpenIn { Flags = 0x18800 });
                break;
            case FuseOpcode.Read:
                FuseRequestWriter.Write(output, p, h, read);
                break;
            case FuseOpcode.Readdir or FuseOpcode.Readdirplus:
                FuseRequestWriter.Write(output, p, dir, read with { Fh = 2, Flags = 0x18800 });
                break;
            case FuseOpcode.Write:
                FuseRequestWriter.Write(output, p, h, new FuseWriteIn { Fh = 1, Offset = 4096, Size = 5, WriteFlags = (uint)FuseWriteFlags.Cache, Flags = 0x8001 }, data: Utf8("hello"));
                break;
            case FuseOpcode.Release or FuseOpcode.Releasedir:
                FuseRequestWriter.Write(output, p, h, release);
                break;
            case FuseOpcode.Fsync or FuseOpcode.Fsyncdir:
                FuseRequestWriter.Write(output, p, h, new FuseFsyncIn { Fh = 1, FsyncFlags = (uint)FuseFsyncFlags.Fdatasync });
                break;
            case FuseOpcode.Setxattr:
                FuseRequestWriter.Write(output, p, h, new FuseSetxattrIn { Size = 4, Flags = 1 }, Utf8("user.color"), data: Utf8("blue"));
                break;
            case FuseOpcode.Getxattr:
                FuseRequestWriter.Write(output, p, h, new FuseGetxattrIn { Size = 64 }, Utf8("user.color"));
                break;
            case FuseOpcode.Listxattr:
                FuseRequestWriter.Write(output, p, h, new FuseGetxattrIn { Size = 0 });
                break;
            case FuseOpcode.Removexattr:
                FuseRequestWriter.Write(output, p, h, default, Utf8("user.color"));
                break;
            case FuseOpcode.Flush:
                FuseRequestWriter.Write(output, p, h, new FuseFlushIn { Fh = 1, LockOwner = 0xdeadbeef });
                break;
            case FuseOpcode.Init:
                ulong flags = (ulong)(FuseInitFlags.AsyncRead | FuseInitFlags.PosixLocks | FuseInitFlags.BigWrites | FuseInitFlags.DoReaddirplus
                    | FuseInitFlags.MaxPages | FuseInitFlags.InitExt | FuseInitFlags.SecurityCtx | FuseInitFlags.HasResend);
                FuseRequestWriter.Write(output, p, Header(opcode, 0), new FuseInitIn
                {
                    Major = 7,
                    Minor = 45,
                    MaxReadahead = 131072,
                    Flags = (uint)flags,
                    Flags2 = (uint)(flags >> 32),
                });
                break;
            case FuseOpcode.Getlk or FuseOpcode.Setlk or FuseOpcode.Setlkw:
                FuseRequestWriter.Write(output, p, h, lk);
                break;
            case FuseOpcode.Access:
                FuseRequestWriter.Write(output, p, h, new FuseAccessIn { Mask = 5 });
                break;
            case FuseOpcode.Create:
                FuseRequestWriter.Write(output, p, dir, MemoryOf(create), Utf8("new.txt"), extensions: SecurityContextExtension());
                break;
            case FuseOpcode.Interrupt:
                FuseRequestWriter.Write(output, p, Header(opcode, 0), new FuseInterruptIn { Unique = UniqueOf(FuseOpcode.Read) });
                break;
            case FuseOpcode.Bmap:
                FuseRequestWriter.Write(output, p, h, new FuseBmapIn { Block = 10, Blocksize = 4096 });
                break;
            case FuseOpcode.Ioctl:
                FuseRequestWriter.Write(output, p, h, new FuseIoctlIn
                {
                    Fh = 1,
                    Flags = (uint)FuseIoctlFlags.Unrestricted,
                    Cmd = 0x5401,
                    Arg = 0x7ffd1000,
                    InSize = 4,
                    OutSize = 60,
                }, data: [1, 0, 0, 0]);
                break;
            case FuseOpcode.Poll:
                FuseRequestWriter.Write(output, p, h, new FusePollIn { Fh = 1, Kh = 9, Flags = (uint)FusePollFlags.ScheduleNotify, Events = 1 });
                break;
            case FuseOpcode.NotifyReply:
                FuseRequestWriter.Write(output, p, h, new FuseNotifyRetrieveIn { Offset = 0, Size = 8 }, data: Utf8("contents"));
                break;
            case FuseOpcode.BatchForget:
                FuseRequestWriter.Write(output, p, Header(opcode, 0), new FuseBatchForgetIn { Count = 10 }, data: Forgets(10));
                break;
            case FuseOpcode.Fallocate:
                FuseRequestWriter.Write(output, p, h, new FuseFallocateIn { Fh = 1, Offset = 0, Length = 1 << 20, Mode = 1 });
                break;
            case FuseOpcode.Rename2:
                FuseRequestWriter.Write(output, p, dir, new FuseRename2In { NewDir = 1, Flags = (uint)RenameFlags.NoReplace }, Utf8("draft"), Utf8("final"));
                break;
            case FuseOpcode.Lseek:
                FuseRequestWriter.Write(output, p, h, new FuseLseekIn { Fh = 1, Offset = 0, Whence = 3 });
                break;
            case FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64:
                FuseRequestWriter.Write(output, p, h, copy);
                break;
            case FuseOpcode.Setupmapping:
                FuseRequestWriter.Write(output, p, h, new FuseSetupmappingIn
                {
                    Fh = 1,
                    FOffset = 0,
                    Len = 2 << 20,
                    Flags = (ulong)(FuseSetupmappingFlags.Read | FuseSetupmappingFlags.Write),
                    MOffset = 4 << 20,
                });
                break;
            case FuseOpcode.Removemapping:
                FuseRequestWriter.Write(output, p, h, new FuseRemovemappingIn { Count = 2 }, data: RemoveMappings(2));
                break;
            case FuseOpcode.Syncfs:
                FuseRequestWriter.Write(output, p, h, new FuseSyncfsIn());
                break;
            case FuseOpcode.Tmpfile:
                FuseRequestWriter.Write(output, p, dir, create with { Flags = 0x410002, Mode = 0x8180 }, Utf8("/"));
                break;
            case FuseOpcode.Statx:
                FuseRequestWriter.Write(output, p, h, new FuseStatxIn { SxFlags = 0, SxMask = 0xfff });
                break;
            case FuseOpcode.CuseInit:
                FuseRequestWriter.Write(output, p, Header(opcode, 0), new CuseInitIn { Major = 7, Minor = 45, Flags = (uint)CuseInitFlags.UnrestrictedIoctl });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "No sample request.");
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>A MKDIR carrying a supplementary-groups extension.</summary>
    public static byte[] MkdirWithGroups()
    {
        ArrayBufferWriter<byte> output = new();
        byte[] ext = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(ext, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(ext.AsSpan(4), (uint)FuseExtType.ExtGroups);
        BinaryPrimitives.WriteUInt32LittleEndian(ext.AsSpan(8), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(ext.AsSpan(12), 27);
        byte[] arg = MemoryOf(new FuseMkdirIn { Mode = 0x41ed, Umask = 0x12 });
        FuseRequestWriter.Write(output, Protocol, Header(FuseOpcode.Mkdir, 1), arg, Utf8("shared"), extensions: ext);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>One security context, "security.selinux" = "u:object_r:tmp_t:s0\0", as the kernel sends it with CREATE.</summary>
    public static byte[] SecurityContextExtension()
    {
        byte[] name = Utf8("security.selinux\0");
        byte[] value = Utf8("u:object_r:tmp_t:s0\0");
        int record = (FuseSecctx.StructSize + name.Length + value.Length + 7) & ~7;
        byte[] ext = new byte[FuseSecctxHeader.StructSize + record];
        BinaryPrimitives.WriteUInt32LittleEndian(ext, (uint)ext.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(ext.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(ext.AsSpan(8), (uint)value.Length);
        name.CopyTo(ext, 16);
        value.CopyTo(ext, 16 + name.Length);
        return ext;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] MemoryOf<T>(in T value)
        where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    private static byte[] Forgets(int count)
    {
        FuseForgetOne[] forgets = new FuseForgetOne[count];
        for (int i = 0; i < count; i++)
        {
            forgets[i] = new FuseForgetOne { NodeId = (ulong)(i + 2), NLookup = (ulong)(i % 3) + 1 };
        }

        return System.Runtime.InteropServices.MemoryMarshal.AsBytes(forgets.AsSpan()).ToArray();
    }

    private static byte[] RemoveMappings(int count)
    {
        FuseRemovemappingOne[] mappings = new FuseRemovemappingOne[count];
        for (int i = 0; i < count; i++)
        {
            mappings[i] = new FuseRemovemappingOne { MOffset = (ulong)i << 21, Len = 2 << 20 };
        }

        return System.Runtime.InteropServices.MemoryMarshal.AsBytes(mappings.AsSpan()).ToArray();
    }
}
