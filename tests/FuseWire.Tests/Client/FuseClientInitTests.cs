using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Transports;
using FuseWire.Validation;
using MemFs;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>INIT as the kernel does it: 7.45 offered with both flag words, an older daemon's minor accepted, later frames at the negotiated minor.</summary>
public sealed class FuseClientInitTests
{
    [Theory]
    [InlineData(45u)]
    [InlineData(38u)]
    [InlineData(31u)]
    [InlineData(23u)]
    [InlineData(22u)]
    [InlineData(12u)]
    public async Task Init_OffersLatest_AcceptsTheDaemonsMinor_AndWritesLaterFramesAtIt(uint minor)
    {
        (FuseTransport kernel, FakeDaemon daemon) = FakeDaemon.CreatePair();
        using FakeDaemon _ = daemon;
        await using FuseClient client = new(kernel);
        Task<FuseProtocol> init = client.InitAsync().AsTask();

        FuseRequest request = FuseRequest.Parse(daemon.Expect(FuseOpcode.Init), FuseProtocol.Initial);
        FuseInitIn offered = request.GetArgument<FuseInitIn>();
        Assert.Equal(7u, offered.Major);
        Assert.Equal(45u, offered.Minor);
        Assert.Equal(FuseClientOptions.DefaultFlags, FuseProtocol.FlagsOf(offered));
        Assert.NotEqual(0u, offered.Flags2);
        Assert.Equal(128u * 1024, offered.MaxReadahead);

        // A daemon of that minor accepts what it knows: the low word only before FUSE_INIT_EXT (7.36), and never SETXATTR_EXT here.
        FuseInitFlags accepted = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | (minor >= 36 ? FuseInitFlags.InitExt | FuseInitFlags.MaxPages : 0);
        FuseProtocol.Split(accepted, out uint low, out uint high);
        daemon.AnswerInit(request.Frame.ToArray(), new FuseInitOut { Major = 7, Minor = minor, Flags = low, Flags2 = high, MaxWrite = 65536, MaxReadahead = 4096 });

        FuseProtocol protocol = await init.WaitAsync(ClientHarness.Timeout);
        Assert.Equal(minor, protocol.Minor);
        Assert.Equal(accepted, protocol.Flags);
        Assert.Equal(protocol, client.Protocol);
        Assert.Equal(minor, client.InitOut.Minor);
        Assert.Equal(65536u, client.MaxWrite);

        // SETXATTR's argument is 8 bytes without FUSE_SETXATTR_EXT; GETATTR's reply is decoded at the daemon's minor.
        Task setxattr = client.SetXattrAsync(1, "user.a", "v"u8).AsTask();
        FuseRequest sent = FuseRequest.Parse(daemon.Expect(FuseOpcode.Setxattr), protocol);
        Assert.Equal(FuseConstants.CompatSetxattrInSize, sent.Argument.Length);
        Assert.Equal("v"u8.ToArray(), sent.Data.ToArray());
        ulong setxattrUnique = sent.Unique;
        daemon.Send(output => FuseReplyWriter.WriteEmpty(output, setxattrUnique));
        await setxattr.WaitAsync(ClientHarness.Timeout);

        Task<FuseAttrOut> getattr = client.GetAttrAsync(1).AsTask();
        ulong unique = FakeDaemon.UniqueOf(daemon.Expect(FuseOpcode.Getattr));
        daemon.Send(output => FuseReplyWriter.WriteAttr(output, protocol, unique, new FuseAttrOut { Attr = new FuseAttr { Ino = 1, Mode = 0x41ED } }));
        Assert.Equal(0x41EDu, (await getattr.WaitAsync(ClientHarness.Timeout)).Attr.Mode);
    }

    [Fact]
    public async Task Init_WithTheSession_KeepsOnlyTheOfferedFlags()
    {
        // FuseSession always answers 7.45 to a 7.45 kernel (older minors are played by the fake daemon above); the flags are what both want.
        FuseClientOptions options = new() { Flags = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites };
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem(), options);
        Assert.Equal(45u, harness.Client.Protocol.Minor);
        Assert.Equal(FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites, harness.Client.Protocol.Flags);
        Assert.False(harness.Client.Protocol.Has(FuseInitFlags.InitExt));
        FuseAttrOut root = await harness.Client.GetAttrAsync(FuseConstants.RootId).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(FuseConstants.RootId, root.Attr.Ino);
    }

    [Fact]
    public async Task Init_WithAnotherMajor_IsAProtocolError_AndARefusal_AnErrnoException()
    {
        (FuseTransport kernel, FakeDaemon daemon) = FakeDaemon.CreatePair();
        using FakeDaemon _ = daemon;
        await using FuseClient client = new(kernel);

        Task<FuseProtocol> init = client.InitAsync().AsTask();
        byte[] request = daemon.Expect(FuseOpcode.Init);
        FuseInitOut wrong = new() { Major = 8, Minor = 45 };
        byte[] frame = new byte[FuseOutHeader.StructSize + FuseInitOut.StructSize];
        MemoryMarshal.Write(frame, new FuseOutHeader { Len = (uint)frame.Length, Unique = FakeDaemon.UniqueOf(request) });
        MemoryMarshal.Write(frame.AsSpan(FuseOutHeader.StructSize), in wrong);
        daemon.SendRaw(frame);
        FuseProtocolException e = await Assert.ThrowsAsync<FuseProtocolException>(() => init.WaitAsync(ClientHarness.Timeout));
        Assert.Equal(FuseProtocolRule.UnsupportedVersion, e.Rule);
        Assert.False(client.IsInitialized);

        Task<FuseProtocol> again = client.InitAsync().AsTask();
        ulong unique = FakeDaemon.UniqueOf(daemon.Expect(FuseOpcode.Init));
        daemon.Send(output => FuseReplyWriter.WriteError(output, unique, Errno.EPROTO));
        FuseErrnoException refused = await Assert.ThrowsAsync<FuseErrnoException>(() => again.WaitAsync(ClientHarness.Timeout));
        Assert.Equal(Errno.EPROTO, refused.Errno);
        Assert.Equal(FuseOpcode.Init, refused.Opcode);
    }
}
