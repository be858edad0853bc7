using System;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace BenchFs;

/// <summary>Directories: OPENDIR, and READDIR / READDIRPLUS where the entry at index k carries d_off = k + 1.</summary>
internal sealed partial class BenchFileSystem
{
    private const int RootEntries = 6; // . .. file small sink many
    private const int ManyEntries = BenchNodes.ManyCount + 2;

    public override void Opendir(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply)
    {
        ulong node = request.NodeId;
        if (BenchNodes.IsDirectory(node))
        {
            reply.Open(default);
        }
        else
        {
            reply.Error(BenchNodes.Exists(node) ? Errno.ENOTDIR : Errno.ENOENT);
        }
    }

    public override void Readdir(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply) => List(request.NodeId, arg, plus: false, reply);

    public override void Readdirplus(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply) => List(request.NodeId, arg, plus: true, reply);

    public override void Releasedir(in FuseRequest request, in FuseReleaseIn arg, FuseReplySink reply) => reply.Ok();

    private static void List(ulong directory, in FuseReadIn arg, bool plus, FuseReplySink reply)
    {
        if (!BenchNodes.IsDirectory(directory))
        {
            reply.Error(BenchNodes.Exists(directory) ? Errno.ENOTDIR : Errno.ENOENT);
            return;
        }

        int count = directory == BenchNodes.Root ? RootEntries : ManyEntries;
        scoped FuseDirentWriter writer = reply.GetDirentWriter(arg.Size);
        Span<byte> manyName = stackalloc byte[6];
        scoped ReadOnlySpan<byte> name;
        for (ulong index = arg.Offset; index < (ulong)count; index++)
        {
            ulong ino;
            uint type = BenchNodes.DtReg;
            switch (index)
            {
                case 0: ino = directory; type = BenchNodes.DtDir; name = "."u8; break;
                case 1: ino = BenchNodes.Root; type = BenchNodes.DtDir; name = ".."u8; break;
                default:
                    if (directory == BenchNodes.Many)
                    {
                        int child = (int)index - 2;
                        ino = BenchNodes.FirstManyChild + (ulong)child;
                        BenchNodes.FormatManyName(child, manyName);
                        name = manyName;
                    }
                    else
                    {
                        ino = RootChild(index, out name);
                        type = ino == BenchNodes.Many ? BenchNodes.DtDir : BenchNodes.DtReg;
                    }

                    break;
            }

            bool added = plus && index >= 2
                ? writer.TryAdd(ino, index + 1, type, name, BenchNodes.EntryOf(ino))
                : writer.TryAdd(ino, index + 1, type, name);
            if (!added)
            {
                break;
            }
        }

        reply.CommitData(writer.BytesWritten);
    }

    private static ulong RootChild(ulong index, out ReadOnlySpan<byte> name)
    {
        switch (index)
        {
            case 2: name = "file"u8; return BenchNodes.File;
            case 3: name = "small"u8; return BenchNodes.Small;
            case 4: name = "sink"u8; return BenchNodes.Sink;
            default: name = "many"u8; return BenchNodes.Many;
        }
    }
}
