using System;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace BenchFs;

/// <summary>Regular files: OPEN with direct I/O, READ generated from the pattern table, WRITE into the sink.</summary>
internal sealed partial class BenchFileSystem
{
    public override void Open(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply)
    {
        ulong node = request.NodeId;
        switch (node)
        {
            case BenchNodes.File or BenchNodes.Small:
                if (!IsReadOnly(arg))
                {
                    reply.Error(Errno.EACCES);
                    return;
                }

                reply.Open(new FuseOpenOut { OpenFlags = (uint)FopenFlags.DirectIo });
                return;
            case BenchNodes.Sink:
                reply.Open(new FuseOpenOut { OpenFlags = (uint)FopenFlags.DirectIo });
                return;
            case BenchNodes.Root or BenchNodes.Many:
                reply.Error(Errno.EISDIR);
                return;
        }

        if (!BenchNodes.IsManyChild(node))
        {
            reply.Error(Errno.ENOENT);
        }
        else if (!IsReadOnly(arg))
        {
            reply.Error(Errno.EACCES);
        }
        else
        {
            reply.Open(default);
        }
    }

    public override void Read(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply)
    {
        ulong node = request.NodeId;
        if (!BenchNodes.Exists(node))
        {
            reply.Error(Errno.ENOENT);
            return;
        }

        if (BenchNodes.IsDirectory(node))
        {
            reply.Error(Errno.EISDIR);
            return;
        }

        ulong size = BenchNodes.ContentSize(node);
        ulong offset = arg.Offset;
        int length = 0;
        if (offset < size)
        {
            ulong available = size - offset;
            length = (int)Math.Min(Math.Min(arg.Size, available), (ulong)Math.Min(reply.MaxPayload, _pattern.MaxRead));
        }

        Span<byte> buffer = reply.GetDataBuffer(length);
        _pattern.CopyTo(offset, buffer);
        reply.CommitData(length);
        Stats.CountRead(arg.Size, length);
    }

    public override void Write(in FuseRequest request, in FuseWriteIn arg, ReadOnlySpan<byte> data, FuseReplySink reply)
    {
        if (request.NodeId != BenchNodes.Sink)
        {
            reply.Error(Errno.EBADF);
            return;
        }

        reply.Written((uint)data.Length);
        Stats.CountWrite(data.Length);
    }

    public override void Flush(in FuseRequest request, in FuseFlushIn arg, FuseReplySink reply) => reply.Ok();

    public override void Release(in FuseRequest request, in FuseReleaseIn arg, FuseReplySink reply) => reply.Ok();
}
