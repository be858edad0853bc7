using System;
using System.Buffers;
using System.Globalization;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// The harness proven without the client: INIT, GETATTR and a failing LOOKUP written by hand with the codec to real libfuse
/// daemons over a socketpair, their replies parsed strictly; and the daemon ending when the test closes its end.
/// </summary>
[Collection(InteropCollection.Name)]
public sealed class HandshakeTests
{
    private const int ENOENT = 2;
    private const uint SIfMt = 0xF000;
    private const uint SIfDir = 0x4000;

    private static readonly FuseInitFlags Offered = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.DoReaddirplus
        | FuseInitFlags.MaxPages | FuseInitFlags.InitExt | FuseInitFlags.ParallelDirops;

    [SkippableFact]
    public Task Passthrough_answers_init_getattr_and_lookup_by_hand()
    {
        Skip.If(InteropDaemons.PassthroughSkipReason is not null, InteropDaemons.PassthroughSkipReason);
        return Handshake(source => InteropDaemons.StartPassthrough(source), realInodes: true);
    }

    [SkippableFact]
    public Task Sshfs_answers_init_getattr_and_lookup_by_hand()
    {
        Skip.If(InteropDaemons.SshfsSkipReason is not null, InteropDaemons.SshfsSkipReason);
        return Handshake(InteropDaemons.StartSshfs, realInodes: false);
    }

    private static async Task Handshake(Func<string, LibfuseDaemon> start, bool realInodes)
    {
        using ScratchDirectory source = new();
        using LibfuseDaemon daemon = start(source.Path);
        await daemon.RunAsync(() =>
        {
            FuseSocketTransport transport = daemon.Transport;
            FuseProtocol.Split(Offered, out uint low, out uint high);
            FuseInitIn init = new() { Major = 7, Minor = FuseConstants.KernelMinorVersion, MaxReadahead = 128 * 1024, Flags = low, Flags2 = high };
            byte[] reply = Exchange(transport, FuseProtocol.Initial, FuseOpcode.Init, 1, 0, init);
            FuseInitOut initOut = FuseReply.Parse(reply, new FuseReplyContext(FuseOpcode.Init, 1), FuseProtocol.Initial, FuseReplyStrictness.Strict)
                .GetArgument<FuseInitOut>();

            // Debian's libfuse 3.14 states 7.31 whatever is offered; a newer libfuse states more, never more than offered.
            Assert.Equal(7u, initOut.Major);
            Assert.InRange(initOut.Minor, 31u, FuseConstants.KernelMinorVersion);
            Assert.True(initOut.MaxWrite >= 4096, $"max_write {initOut.MaxWrite}");
            FuseInitFlags accepted = (FuseInitFlags)initOut.Flags | (FuseInitFlags)((ulong)initOut.Flags2 << 32);
            Assert.True((accepted & ~Offered) == 0, $"The daemon accepted flags it was not offered: {accepted & ~Offered}");
            FuseProtocol protocol = FuseProtocol.Negotiate(initOut.Minor, Offered, accepted);

            reply = Exchange(transport, protocol, FuseOpcode.Getattr, 2, FuseConstants.RootId, new FuseGetattrIn());
            FuseAttr root = FuseReply.Parse(reply, new FuseReplyContext(FuseOpcode.Getattr, 2), protocol, FuseReplyStrictness.Strict)
                .GetArgument<FuseAttrOut>().Attr;
            Assert.Equal(SIfDir, root.Mode & SIfMt);
            if (realInodes)
            {
                Assert.Equal(RealInode(source.Path), root.Ino);
            }

            ArrayBufferWriter<byte> output = new();
            _ = FuseRequestWriter.WriteLookup(output, new FuseInHeader { Unique = 3, NodeId = FuseConstants.RootId }, "missing"u8);
            Assert.Equal(0, transport.Write(output.WrittenSpan));
            FuseReply missing = FuseReply.Parse(Receive(transport), new FuseReplyContext(FuseOpcode.Lookup, 3), protocol, FuseReplyStrictness.Strict);
            Assert.True(missing.IsError);
            Assert.Equal(ENOENT, missing.Errno);
            return Task.CompletedTask;
        });

        // The test's end closes: the daemon reads end-of-file and exits by itself.
        daemon.Transport.Dispose();
        Assert.True(daemon.WaitForExit(TimeSpan.FromSeconds(10)), $"{daemon.Name} did not exit after its connection closed:\n{daemon.Output}");
    }

    private static byte[] Exchange<TArg>(FuseTransport transport, in FuseProtocol protocol, FuseOpcode opcode, ulong unique, ulong nodeId, in TArg argument)
        where TArg : unmanaged
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = nodeId };
        _ = FuseRequestWriter.Write(output, protocol, header, argument);
        Assert.Equal(0, transport.Write(output.WrittenSpan));
        return Receive(transport);
    }

    private static byte[] Receive(FuseTransport transport)
    {
        byte[] buffer = new byte[FuseProtocol.DefaultMaxFrameLength];
        Assert.Equal(FuseReadStatus.Frame, transport.Read(buffer, out int length));
        return buffer.AsSpan(0, length).ToArray();
    }

    private static ulong RealInode(string path) =>
        ulong.Parse(Shell.Check("stat", ["-c", "%i", path]).Trim(), CultureInfo.InvariantCulture);
}
