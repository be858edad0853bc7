using System;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace FuseWire.Tests.Client;

/// <summary>A file system whose READ blocks until the kernel interrupts it (bounded), records what it saw, and answers EINTR; GETATTR answers at once.</summary>
internal sealed class InterruptibleFileSystem : FuseFileSystem
{
    public ManualResetEventSlim ReadStarted { get; } = new();

    public ManualResetEventSlim ReadEnded { get; } = new();

    public bool SawInterrupt { get; private set; }

    public bool TokenCancelled { get; private set; }

    public override void Getattr(in FuseRequest request, in FuseGetattrIn arg, FuseReplySink reply) =>
        reply.Attr(new FuseAttrOut { Attr = new FuseAttr { Ino = request.NodeId, Mode = 0x41ED, NLink = 2 } });

    public override void Read(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply)
    {
        ReadStarted.Set();
        TokenCancelled = reply.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(10));
        SawInterrupt = reply.IsInterrupted;
        if (SawInterrupt)
        {
            reply.Error(Errno.EINTR);
        }
        else
        {
            reply.Data("late"u8);
        }

        ReadEnded.Set();
    }
}
