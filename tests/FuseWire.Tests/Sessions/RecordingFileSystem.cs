using System;
using System.Collections.Concurrent;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace FuseWire.Tests.Sessions;

/// <summary>A file system for session tests: one file (node 2, "f"), records what it is asked, and can misbehave on demand.</summary>
internal sealed class RecordingFileSystem : FuseFileSystem
{
    public ConcurrentQueue<(ulong NodeId, ulong NLookup)> Forgets { get; } = new();

    public int Destroyed;

    public long AllocatedAtFirstGetattr = -1;

    public long AllocatedAtLastGetattr = -1;

    public int GetattrCalls;

    public bool ThrowOnLookup { get; set; }

    public ManualResetEventSlim ReadStarted { get; } = new();

    public override void Destroy() => Interlocked.Increment(ref Destroyed);

    public override void Forget(ulong nodeId, ulong nlookup) => Forgets.Enqueue((nodeId, nlookup));

    public override void Lookup(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        if (ThrowOnLookup)
        {
            throw new InvalidOperationException("lookup failed on purpose");
        }

        if (!name.SequenceEqual("f"u8))
        {
            reply.Error(Errno.ENOENT);
            return;
        }

        reply.Entry(new FuseEntryOut { NodeId = 2, Attr = new FuseAttr { Ino = 2, Mode = 0x81A4, NLink = 1, Size = 5 } });
    }

    public override void Getattr(in FuseRequest request, in FuseGetattrIn arg, FuseReplySink reply)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        if (Interlocked.Increment(ref GetattrCalls) == 1)
        {
            AllocatedAtFirstGetattr = allocated;
        }

        AllocatedAtLastGetattr = allocated;
        reply.Attr(new FuseAttrOut { AttrValid = 1, Attr = new FuseAttr { Ino = request.NodeId, Mode = 0x41ED, NLink = 2 } });
    }

    public override void Read(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply)
    {
        // Blocks until the kernel interrupts the request (bounded), then answers EINTR as a handler that honours interrupts does.
        ReadStarted.Set();
        bool interrupted = reply.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        if (interrupted && reply.IsInterrupted)
        {
            reply.Error(Errno.EINTR);
            return;
        }

        reply.Data("hello"u8);
    }
}
