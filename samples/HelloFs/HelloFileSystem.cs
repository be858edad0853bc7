using System;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace HelloFs;

/// <summary>The smallest useful file system: a root directory holding one read-only file, hello.txt.</summary>
public sealed class HelloFileSystem : FuseFileSystem
{
    private const ulong FileId = 2;
    private static ReadOnlySpan<byte> FileName => "hello.txt"u8;
    private static ReadOnlySpan<byte> Content => "Hello from FuseWire!\n"u8;

    public override void Lookup(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        if (request.NodeId != FuseConstants.RootId || !name.SequenceEqual(FileName))
        {
            reply.Error(Errno.ENOENT);
            return;
        }

        reply.Entry(new FuseEntryOut { NodeId = FileId, EntryValid = 1, AttrValid = 1, Attr = AttrOf(FileId) });
    }

    public override void Getattr(in FuseRequest request, in FuseGetattrIn arg, FuseReplySink reply)
    {
        if (request.NodeId is not (FuseConstants.RootId or FileId))
        {
            reply.Error(Errno.ENOENT);
            return;
        }

        reply.Attr(new FuseAttrOut { AttrValid = 1, Attr = AttrOf(request.NodeId) });
    }

    public override void Open(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply)
    {
        const uint accessMode = 3; // O_ACCMODE
        if ((arg.Flags & accessMode) != 0)
        {
            reply.Error(Errno.EACCES);
            return;
        }

        reply.Open(default);
    }

    public override void Read(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply)
    {
        int start = (int)Math.Min(arg.Offset, (ulong)Content.Length);
        int length = Math.Min((int)arg.Size, Content.Length - start);
        reply.Data(Content.Slice(start, length));
    }

    public override void Opendir(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply) => reply.Open(default);

    public override void Readdir(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply)
    {
        FuseDirentWriter writer = reply.GetDirentWriter(arg.Size);
        const uint dtDir = 4, dtReg = 8;
        bool fits = true;
        for (ulong index = arg.Offset; index < 3 && fits; index++)
        {
            fits = index switch
            {
                0 => writer.TryAdd(FuseConstants.RootId, 1, dtDir, "."u8),
                1 => writer.TryAdd(FuseConstants.RootId, 2, dtDir, ".."u8),
                _ => writer.TryAdd(FileId, 3, dtReg, FileName),
            };
        }

        reply.CommitData(writer.BytesWritten);
    }

    public override void Statfs(in FuseRequest request, FuseReplySink reply) =>
        reply.Statfs(new FuseKstatfs { BSize = 4096, FrSize = 4096, NameLen = 255, Blocks = 1, Files = 2 });

    private static FuseAttr AttrOf(ulong nodeId) => nodeId == FileId
        ? new FuseAttr { Ino = FileId, Mode = 0x8000 | 0x124, NLink = 1, Size = (ulong)Content.Length, Blocks = 1, BlkSize = 4096 }
        : new FuseAttr { Ino = FuseConstants.RootId, Mode = 0x4000 | 0x16D, NLink = 2, BlkSize = 4096 };
}
