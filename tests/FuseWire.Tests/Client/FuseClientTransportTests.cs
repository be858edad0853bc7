using System;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Codec;
using FuseWire.Sessions;
using FuseWire.Transports;
using MemFs;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>The client over a stream socket (frames delimited by their len), and large frames that outgrow the pooled frame buffers.</summary>
public sealed class FuseClientTransportTests
{
    [Fact]
    public async Task OverAStreamSocket_LargeWritesAndReadsRoundTrip()
    {
        (FuseStreamTransport kernel, FuseStreamTransport daemon) = FuseStreamTransport.CreatePair();
        using FuseStreamTransport daemonEnd = daemon;
        Task serving = new FuseSession(daemon, new MemFileSystem()).RunAsync();
        await using (FuseClient client = new(kernel))
        {
            _ = await client.InitAsync().AsTask().WaitAsync(ClientHarness.Timeout);
            FuseCreateResult file = await client.CreateAsync(FuseConstants.RootId, "big", 2, 0x81A4).AsTask().WaitAsync(ClientHarness.Timeout);
            byte[] content = new byte[300 * 1024];
            new Random(7).NextBytes(content);
            for (int round = 0; round < 3; round++)
            {
                Assert.Equal(content.Length, await client.WriteAsync(file.Entry.NodeId, file.Open.Fh, 0, content).AsTask().WaitAsync(ClientHarness.Timeout));
            }

            byte[] back = new byte[content.Length];
            int total = 0;
            while (total < back.Length)
            {
                int read = await client.ReadAsync(file.Entry.NodeId, file.Open.Fh, (ulong)total, back.AsMemory(total, Math.Min(128 * 1024, back.Length - total)))
                    .AsTask().WaitAsync(ClientHarness.Timeout);
                Assert.True(read > 0);
                total += read;
            }

            Assert.Equal(content, back);
            Assert.Equal(1UL, (await client.GetAttrAsync(FuseConstants.RootId).AsTask().WaitAsync(ClientHarness.Timeout)).Attr.Ino);
            Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.WriteAsync(file.Entry.NodeId, file.Open.Fh, 0, new byte[client.MaxWrite + 1]).AsTask(); });
        }

        await serving.WaitAsync(ClientHarness.Timeout);
    }

    [Fact]
    public async Task SendNoReply_TakesNotifyReplyWithItsUnique_AndAHandMadeInterrupt()
    {
        await using FuseClientProtocolErrorTests.Connected c = await FuseClientProtocolErrorTests.Connected.StartAsync(new FuseClientOptions());
        FuseNotifyRetrieveIn retrieved = new() { Offset = 0, Size = 3 };
        Assert.Throws<ArgumentException>(() => c.Client.SendNoReply(FuseOpcode.NotifyReply, 5, Bytes(retrieved), "abc"u8));
        c.Client.SendNoReply(FuseOpcode.NotifyReply, 5, Bytes(retrieved), "abc"u8, unique: 77);
        FuseRequest notifyReply = FuseRequest.Parse(c.Daemon.Expect(FuseOpcode.NotifyReply), c.Client.Protocol);
        Assert.Equal(77UL, notifyReply.Unique);
        Assert.Equal("abc"u8.ToArray(), notifyReply.Data.ToArray());

        c.Client.SendNoReply(FuseOpcode.Interrupt, 0, Bytes(new FuseInterruptIn { Unique = 40 }), unique: 41);
        FuseRequest interrupt = FuseRequest.Parse(c.Daemon.Expect(FuseOpcode.Interrupt), c.Client.Protocol);
        Assert.Equal(41UL, interrupt.Unique);
        Assert.Equal(40UL, interrupt.GetArgument<FuseInterruptIn>().Unique);
        Assert.Equal(0, c.Client.PendingCount);
    }

    private static byte[] Bytes<T>(T value)
        where T : unmanaged
    {
        byte[] bytes = new byte[System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
        System.Runtime.InteropServices.MemoryMarshal.Write(bytes, in value);
        return bytes;
    }
}
