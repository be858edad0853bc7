using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Protocol;
using MemFs;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>
/// Both roles of the library, every opcode: each request opcode of protocol 7.45 that FUSE daemons serve is sent through
/// <see cref="FuseClient"/>'s raw send to a <see cref="FuseWire.Sessions.FuseSession"/> serving MemFs, and comes back as a reply the client's
/// validator accepted (a payload, or an errno); the no-reply opcodes are sent without waiting and the connection goes on.
/// </summary>
public sealed class FuseClientEveryOpcodeTests
{
    /// <summary>Opcodes not sent here: INIT and DESTROY open and close the connection (their own tests), CUSE_INIT is for CUSE
    /// devices, and FORGET, BATCH_FORGET, INTERRUPT and NOTIFY_REPLY get no reply.</summary>
    private static readonly FuseOpcode[] NotAwaited =
    [
        FuseOpcode.Init, FuseOpcode.Destroy, FuseOpcode.CuseInit,
        FuseOpcode.Forget, FuseOpcode.BatchForget, FuseOpcode.Interrupt, FuseOpcode.NotifyReply,
    ];

    [Fact]
    public async Task Every_opcode_crosses_to_the_session_and_back_validated()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem());
        FuseClient client = harness.Client;
        FuseProtocol protocol = client.Protocol;
        byte[] payload = new byte[64 * 1024];
        Dictionary<FuseOpcode, string> outcomes = [];

        FuseOpcode[] opcodes = Enum.GetValues<FuseOpcode>()
            .Where(o => FuseRequestLayout.TryGetShape(o, protocol, out _) && !NotAwaited.Contains(o))
            .Distinct()
            .ToArray();
        foreach (FuseOpcode opcode in opcodes)
        {
            Assert.True(FuseRequestLayout.TryGetShape(opcode, protocol, out FuseRequestShape shape));
            byte[] argument = new byte[shape.ArgSize];
            ReadOnlySpan<byte> name = shape.NameCount >= 1 ? "n"u8 : default;
            ReadOnlySpan<byte> name2 = shape.NameCount >= 2 ? "m"u8 : default;
            Task<int> sent = client.SendAsync(opcode, FuseConstants.RootId, argument, payload, name, name2).AsTask();
            try
            {
                int length = await sent.WaitAsync(ClientHarness.Timeout);
                Assert.InRange(length, 0, payload.Length);
                outcomes[opcode] = "ok";
            }
            catch (FuseErrnoException e)
            {
                Assert.Equal(opcode, e.Opcode);
                Assert.InRange(e.Errno, 1, FuseConstants.MaxErrno);
                outcomes[opcode] = FuseNames.TryGetErrnoName(e.Errno) ?? e.Errno.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        // Forty-odd opcodes, each answered; MemFs serves the common ones (ENOSYS only where it implements nothing).
        Assert.Equal(opcodes.Length, outcomes.Count);
        Assert.True(opcodes.Length >= 40, "only " + opcodes.Length + " opcodes");
        Assert.Equal("ok", outcomes[FuseOpcode.Getattr]);
        Assert.Equal("ok", outcomes[FuseOpcode.Statfs]);
        Assert.Equal("ENOENT", outcomes[FuseOpcode.Lookup]);
        FuseErrnoException missing = await Assert.ThrowsAsync<FuseErrnoException>(() => client.LookupAsync(FuseConstants.RootId, "missing").AsTask());
        Assert.EndsWith("failed: ENOENT (2).", missing.Message, StringComparison.Ordinal);

        // The no-reply opcodes go without waiting, and the connection still serves.
        client.SendNoReply(FuseOpcode.Forget, 1, new byte[FuseForgetIn.StructSize]);
        client.SendNoReply(FuseOpcode.BatchForget, 0, new byte[FuseBatchForgetIn.StructSize]);
        FuseAttrOut attr = await client.GetAttrAsync(FuseConstants.RootId).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(FuseConstants.RootId, attr.Attr.Ino);
        Assert.Equal(0, client.PendingCount);
    }
}
