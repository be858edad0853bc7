using System;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace BenchFs;

/// <summary>
/// benchfs (../shared/specs/benchfs.md): a fixed namespace whose file content is generated on read,
/// every cache timeout 0 and direct I/O, so that every stat, read and write reaches the daemon.
/// </summary>
internal sealed partial class BenchFileSystem : FuseFileSystem
{
    private const uint AccessModeMask = 3; // O_ACCMODE
    private const uint ReadOnlyAccess = 0; // O_RDONLY

    private readonly PatternTable _pattern;

    public BenchFileSystem(BenchStats stats, int maxRead)
    {
        Stats = stats;
        _pattern = new PatternTable(maxRead);
    }

    public BenchStats Stats { get; }

    public override void Lookup(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        ulong parent = request.NodeId;
        ulong child;
        if (parent == BenchNodes.Root)
        {
            child = BenchNodes.LookupRoot(name);
        }
        else if (parent == BenchNodes.Many)
        {
            child = BenchNodes.LookupMany(name);
        }
        else
        {
            reply.Error(BenchNodes.Exists(parent) ? Errno.ENOTDIR : Errno.ENOENT);
            return;
        }

        if (child == 0)
        {
            reply.Error(Errno.ENOENT);
            return;
        }

        reply.Entry(BenchNodes.EntryOf(child));
    }

    public override void Forget(ulong nodeId, ulong nlookup) => Stats.CountForget();

    public override void Getattr(in FuseRequest request, in FuseGetattrIn arg, FuseReplySink reply)
    {
        FuseAttrOut attr = default;
        if (!BenchNodes.TryGetAttr(request.NodeId, out attr.Attr))
        {
            reply.Error(Errno.ENOENT);
            return;
        }

        reply.Attr(attr);
    }

    public override void Setattr(in FuseRequest request, in FuseSetattrIn arg, FuseReplySink reply)
    {
        ulong node = request.NodeId;
        if (node != BenchNodes.Sink)
        {
            reply.Error(BenchNodes.Exists(node) ? Errno.EPERM : Errno.ENOENT);
            return;
        }

        FuseAttrOut attr = default;
        _ = BenchNodes.TryGetAttr(node, out attr.Attr);
        reply.Attr(attr);
    }

    public override void Access(in FuseRequest request, in FuseAccessIn arg, FuseReplySink reply)
    {
        if (BenchNodes.Exists(request.NodeId))
        {
            reply.Ok();
        }
        else
        {
            reply.Error(Errno.ENOENT);
        }
    }

    public override void Statfs(in FuseRequest request, FuseReplySink reply) =>
        reply.Statfs(new FuseKstatfs
        {
            BSize = 4096,
            FrSize = 4096,
            Blocks = 262145,
            BFree = 0,
            BAvail = 0,
            Files = 10005,
            FFree = 0,
            NameLen = 255,
        });

    private static bool IsReadOnly(in FuseOpenIn arg) => (arg.Flags & AccessModeMask) == ReadOnlyAccess;
}
