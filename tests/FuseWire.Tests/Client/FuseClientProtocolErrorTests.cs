using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>A peer that sends garbage, replies to nothing, replies twice or sends bad replies: each reported or failed alone, and the rest goes on.</summary>
public sealed class FuseClientProtocolErrorTests
{
    [Fact]
    public async Task Garbage_RepliesToNothing_AndDuplicates_AreReported_AndTheRestGoesOn()
    {
        ConcurrentQueue<FuseProtocolError> errors = new();
        using CountdownEvent reported = new(4);
        FuseClientOptions options = new()
        {
            OnProtocolError = error =>
            {
                errors.Enqueue(error);
                reported.Signal();
            },
        };
        await using Connected c = await Connected.StartAsync(options);

        Task<FuseAttrOut> first = c.Client.GetAttrAsync(1).AsTask();
        ulong firstUnique = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));
        Task<FuseAttrOut> second = c.Client.GetAttrAsync(1).AsTask();
        ulong secondUnique = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));

        c.Daemon.SendRaw([1, 2, 3, 4, 5, 6, 7, 8]);                                                   // shorter than a header
        c.Daemon.Send(output => FuseReplyWriter.WriteAttr(output, c.Daemon.Protocol, 9998, Attr(7)));  // a reply to nothing
        byte[] lying = Reply(firstUnique, Attr(1));
        MemoryMarshal.Write(lying, (uint)(lying.Length + 8));                                        // len not the bytes sent
        c.Daemon.SendRaw(lying);

        // The frame names its request: the request fails with the framing error; a whole reply after it is a duplicate.
        FuseProtocolException cut = await Assert.ThrowsAsync<FuseProtocolException>(() => first.WaitAsync(ClientHarness.Timeout));
        Assert.Equal(FuseProtocolRule.LengthMismatch, cut.Rule);
        c.Daemon.Send(output => FuseReplyWriter.WriteAttr(output, c.Daemon.Protocol, firstUnique, Attr(1)));  // a duplicate
        c.Daemon.Send(output => FuseReplyWriter.WriteEmpty(output, 9996));                                // another to nothing

        c.Daemon.Send(output => FuseReplyWriter.WriteAttr(output, c.Daemon.Protocol, secondUnique, Attr(2)));
        Assert.Equal(2UL, (await second.WaitAsync(ClientHarness.Timeout)).Attr.Ino);
        Assert.True(reported.Wait(ClientHarness.Timeout), "not every bad frame was reported");
        Assert.Equal(
            [FuseProtocolRule.HeaderTruncated, FuseProtocolRule.UniqueNotOutstanding, FuseProtocolRule.DuplicateReply, FuseProtocolRule.UniqueNotOutstanding],
            errors.Select(e => e.Rule));
        Assert.Equal(FuseOpcode.Getattr, errors.ElementAt(2).Opcode);
        Assert.Equal(firstUnique, errors.ElementAt(2).Unique);
        Assert.True(c.Client.IsConnected);
        Assert.Equal(0, c.Client.PendingCount);
    }

    [Fact]
    public async Task AMalformedReply_FailsItsRequestWithAProtocolException_Only()
    {
        await using Connected c = await Connected.StartAsync(new FuseClientOptions());
        Task<FuseAttrOut> bad = c.Client.GetAttrAsync(1).AsTask();
        ulong badUnique = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));
        Task<FuseEntryOut> good = c.Client.LookupAsync(1, "x").AsTask();
        ulong goodUnique = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Lookup));

        c.Daemon.SendRaw(Reply(badUnique, Attr(1))[..(FuseOutHeader.StructSize + 40)].WithLength());   // a truncated fuse_attr_out
        FuseProtocolException e = await Assert.ThrowsAsync<FuseProtocolException>(() => bad.WaitAsync(ClientHarness.Timeout));
        Assert.Equal(FuseProtocolRule.PayloadTooShort, e.Rule);
        Assert.Equal(FuseOpcode.Getattr, e.Opcode);
        Assert.Equal(badUnique, e.Unique);

        c.Daemon.Send(output => FuseReplyWriter.WriteError(output, goodUnique, Errno.ENOENT));
        Assert.Equal(Errno.ENOENT, (await Assert.ThrowsAsync<FuseErrnoException>(() => good.WaitAsync(ClientHarness.Timeout))).Errno);

        // An error reply with a payload, and an error out of range, are malformed too.
        Task<FuseAttrOut> third = c.Client.GetAttrAsync(1).AsTask();
        ulong thirdUnique = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));
        byte[] errorWithPayload = new byte[FuseOutHeader.StructSize + 8];
        MemoryMarshal.Write(errorWithPayload, new FuseOutHeader { Len = (uint)errorWithPayload.Length, Error = -Errno.EIO, Unique = thirdUnique });
        c.Daemon.SendRaw(errorWithPayload);
        Assert.Equal(FuseProtocolRule.ErrorWithPayload, (await Assert.ThrowsAsync<FuseProtocolException>(() => third.WaitAsync(ClientHarness.Timeout))).Rule);
        Assert.True(c.Client.IsConnected);
    }

    [Theory]
    [InlineData(FuseReplyStrictness.Lenient)]
    [InlineData(FuseReplyStrictness.Strict)]
    public async Task ALongReply_PassesWhenLenient_AndFailsItsRequestWhenStrict(FuseReplyStrictness strictness)
    {
        await using Connected c = await Connected.StartAsync(new FuseClientOptions { Strictness = strictness });
        Task<FuseAttrOut> getattr = c.Client.GetAttrAsync(1).AsTask();
        ulong unique = FakeDaemon.UniqueOf(c.Daemon.Expect(FuseOpcode.Getattr));
        byte[] reply = [.. Reply(unique, Attr(5)), .. new byte[8]];
        c.Daemon.SendRaw(reply.WithLength());
        if (strictness == FuseReplyStrictness.Lenient)
        {
            Assert.Equal(5UL, (await getattr.WaitAsync(ClientHarness.Timeout)).Attr.Ino);
        }
        else
        {
            Assert.Equal(FuseProtocolRule.PayloadTooLong, (await Assert.ThrowsAsync<FuseProtocolException>(() => getattr.WaitAsync(ClientHarness.Timeout))).Rule);
        }
    }

    [Fact]
    public async Task Notifications_AreDecodedAndDelivered_AndABadOneIsReported()
    {
        ConcurrentQueue<(FuseNotifyCode Code, ulong Ino)> notes = new();
        ConcurrentQueue<FuseProtocolError> errors = new();
        using CountdownEvent seen = new(2);
        FuseClientOptions options = new()
        {
            OnNotification = n =>
            {
                notes.Enqueue((n.Code, n.GetArgument<FuseNotifyInvalInodeOut>().Ino));
                seen.Signal();
            },
            OnProtocolError = e =>
            {
                errors.Enqueue(e);
                seen.Signal();
            },
        };
        await using Connected c = await Connected.StartAsync(options);
        c.Daemon.Send(output => FuseNotificationWriter.WriteInvalInode(output, 42, 0, -1));
        byte[] bad = new byte[FuseOutHeader.StructSize + 4];
        MemoryMarshal.Write(bad, new FuseOutHeader { Len = (uint)bad.Length, Error = (int)FuseNotifyCode.InvalInode });
        c.Daemon.SendRaw(bad);
        Assert.True(seen.Wait(ClientHarness.Timeout));
        Assert.Equal([(FuseNotifyCode.InvalInode, 42UL)], notes);
        Assert.Equal(0UL, Assert.Single(errors).Unique);
    }

    internal static FuseAttrOut Attr(ulong ino) => new() { Attr = new FuseAttr { Ino = ino, Mode = 0x81A4, NLink = 1 } };

    internal static byte[] Reply(ulong unique, FuseAttrOut attr)
    {
        System.Buffers.ArrayBufferWriter<byte> output = new();
        _ = FuseReplyWriter.WriteAttr(output, FuseProtocol.Latest, unique, attr);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A client after INIT at 7.45 with a fake daemon on the other end.</summary>
    internal sealed class Connected : IAsyncDisposable
    {
        private Connected(FuseClient client, FakeDaemon daemon)
        {
            Client = client;
            Daemon = daemon;
        }

        public FuseClient Client { get; }

        public FakeDaemon Daemon { get; }

        public static async Task<Connected> StartAsync(FuseClientOptions options, Func<FuseTransport, FuseTransport>? wrap = null)
        {
            (FuseTransport kernel, FakeDaemon daemon) = FakeDaemon.CreatePair();
            FuseClient client = new(wrap is null ? kernel : wrap(kernel), options);
            Task<FuseProtocol> init = client.InitAsync().AsTask();
            byte[] request = daemon.Expect(FuseOpcode.Init);
            FuseProtocol.Split(FuseClientOptions.DefaultFlags, out uint low, out uint high);
            daemon.AnswerInit(request, new FuseInitOut { Major = 7, Minor = 45, Flags = low, Flags2 = high, MaxWrite = 1 << 20 });
            _ = await init.WaitAsync(ClientHarness.Timeout);
            return new Connected(client, daemon);
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            Daemon.Dispose();
        }
    }
}
