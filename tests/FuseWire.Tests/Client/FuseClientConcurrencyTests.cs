using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Sessions;
using MemFs;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>Many callers at once share the queue and the reader; every reply reaches its own caller; the observer sees both directions.</summary>
public sealed class FuseClientConcurrencyTests
{
    [Fact]
    public async Task ConcurrentCallers_EachGetTheirOwnReply()
    {
        MemFileSystem fs = new();
        await using ClientHarness harness = await ClientHarness.StartAsync(fs, sessionOptions: new FuseSessionOptions { Workers = 2 });
        FuseClient client = harness.Client;
        ulong[] nodes = new ulong[8];
        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i] = (await client.MkDirAsync(FuseConstants.RootId, "d" + i, 0x1ED).AsTask().WaitAsync(ClientHarness.Timeout)).NodeId;
        }

        Task[] callers = Enumerable.Range(0, nodes.Length).Select(i => Task.Run(async () =>
        {
            for (int n = 0; n < 300; n++)
            {
                FuseAttrOut attr = await client.GetAttrAsync(nodes[i]).ConfigureAwait(false);
                Assert.Equal(nodes[i], attr.Attr.Ino);
                FuseEntryOut entry = await client.LookupAsync(FuseConstants.RootId, "d" + i).ConfigureAwait(false);
                Assert.Equal(nodes[i], entry.NodeId);
                client.Forget(entry.NodeId, 1);
            }
        })).ToArray();
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, client.PendingCount);
        // FORGET is unanswered and two workers serve: wait (bounded) for the last ones to be applied.
        Assert.True(
            System.Threading.SpinWait.SpinUntil(() => nodes.All(node => fs.LookupCount(node) == 1), ClientHarness.Timeout),
            "lookup counts: " + string.Join(", ", nodes.Select(fs.LookupCount)));
    }

    [Fact]
    public async Task TheObserver_SeesEveryFrameSentAndRead()
    {
        ConcurrentQueue<(bool FromKernel, ulong Unique, uint Len)> frames = new();
        FuseClientOptions options = new()
        {
            Observer = (frame, fromKernel) => frames.Enqueue((fromKernel, MemoryMarshal.Read<ulong>(frame[8..]), MemoryMarshal.Read<uint>(frame))),
        };
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem(), options);
        _ = await harness.Client.GetAttrAsync(FuseConstants.RootId).AsTask().WaitAsync(ClientHarness.Timeout);
        (bool FromKernel, ulong Unique, uint Len)[] seen = [.. frames];
        Assert.Equal(4, seen.Length);
        Assert.Equal([true, false, true, false], seen.Select(f => f.FromKernel));
        Assert.Equal(seen[0].Unique, seen[1].Unique);
        Assert.Equal(seen[2].Unique, seen[3].Unique);
        Assert.Equal((uint)(FuseInHeader.StructSize + FuseGetattrIn.StructSize), seen[2].Len);
        Assert.Equal((uint)(FuseOutHeader.StructSize + FuseAttrOut.StructSize), seen[3].Len);
    }
}
