using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>
/// Every opcode that gets a reply: written with its typed helper and with the generic <see cref="FuseReplyWriter.Write"/> (same bytes),
/// parsed with <see cref="FuseReply.Parse"/>, compared, and re-encoded byte for byte; at 7.45 and at the minors whose reply sizes differ.
/// </summary>
public sealed class ReplyRoundTripTests
{
    /// <summary>7.45 and the boundaries of INIT's reply (23/22, 5/4), the 7.9 entry/attr sizes (9/8) and statfs (4/3).</summary>
    public static readonly uint[] Minors = [45, 23, 22, 9, 8, 5, 4, 3];

    public static TheoryData<FuseOpcode, uint, bool> Cases()
    {
        TheoryData<FuseOpcode, uint, bool> data = [];
        foreach (FuseOpcode opcode in RequestArgumentTypes.AllOpcodes)
        {
            if (ReplyArgumentTypes.IsNoReply(opcode))
            {
                continue;
            }

            foreach (uint minor in Minors)
            {
                data.Add(opcode, minor, false);
                if (opcode is FuseOpcode.Getxattr or FuseOpcode.Listxattr)
                {
                    data.Add(opcode, minor, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reply_WritesParsesAndReencodes(FuseOpcode opcode, uint minor, bool sizeQuery)
    {
        FuseProtocol protocol = FuseProtocol.Latest.WithMinor(minor);
        ReplySample sample = ReplySample.Create(opcode, protocol, sizeQuery);
        byte[] typed = sample.WriteTyped();
        byte[] generic = sample.WriteGeneric();
        Assert.Equal(sample.ExpectedLength, typed.Length);
        Assert.Equal(typed, generic);

        FuseReplyContext context = sample.Context;
        Assert.True(FuseReply.TryParse(typed, context, protocol, FuseReplyStrictness.Strict, out FuseReply reply, out FuseValidationResult result));
        Assert.True(result.IsValid);
        Assert.False(result.HasWarning);
        Assert.Equal((uint)typed.Length, reply.Header.Len);
        Assert.Equal(0, reply.Header.Error);
        Assert.False(reply.IsError);
        Assert.Equal(0, reply.Errno);
        Assert.Equal(sample.Unique, reply.Unique);

        int wire = sample.ArgumentWireSize;
        Assert.Equal(sample.Argument.AsSpan(0, wire).ToArray(), reply.Argument.ToArray());
        Assert.Equal(sample.Argument2, reply.Argument2.ToArray());
        Assert.Equal(sample.Data, reply.Data.ToArray());
        bool typedArgument = ReplyArgumentTypes.Dispatch(
            opcode, sample.RequestedSize, new TypedReplyArgumentCheck(typed, context, protocol, sample.Argument, wire));
        Assert.Equal(typedArgument, sample.Argument.Length != 0);
        if (sample.Argument2.Length != 0)
        {
            WireBytes.AssertSame(WireBytes.ZeroExtended<FuseOpenOut>(sample.Argument2), reply.GetArgument2<FuseOpenOut>());
        }

        if (opcode is FuseOpcode.Readdir or FuseOpcode.Readdirplus)
        {
            DirentChecks.AssertListing(reply.EnumerateDirents(opcode == FuseOpcode.Readdirplus), opcode == FuseOpcode.Readdirplus);
        }

        ReplyRoundTrip.AssertByteExact(typed, context, protocol);
    }

    [Theory]
    [InlineData(FuseOpcode.Forget)]
    [InlineData(FuseOpcode.BatchForget)]
    [InlineData(FuseOpcode.NotifyReply)]
    public void NoReplyOpcodes_AreRefusedByWriterAndParser(FuseOpcode opcode)
    {
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseReplyWriter.Write(o, FuseProtocol.Latest, opcode, 5, ReadOnlySpan<byte>.Empty)));
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteEmpty(o, 5));
        Assert.False(FuseReply.TryParse(frame, new FuseReplyContext(opcode, 5), FuseProtocol.Latest, FuseReplyStrictness.Lenient, out _, out FuseValidationResult result));
        Assert.Equal(FuseProtocolRule.ReplyToNoReplyOpcode, result.Error.Rule);
    }

    [Fact]
    public void Reply_WithAnotherUnique_IsRefused()
    {
        ReplySample sample = ReplySample.Create(FuseOpcode.Lookup, FuseProtocol.Latest);
        byte[] frame = sample.WriteTyped();
        FuseProtocolException e = Assert.Throws<FuseProtocolException>(
            () => FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Lookup, sample.Unique + 1), FuseProtocol.Latest));
        Assert.Equal(FuseProtocolRule.UniqueNotOutstanding, e.Rule);
    }

    [Fact]
    public void ReplyWriter_RefusesAShortArgumentOrDataWhereNoneFits()
    {
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseReplyWriter.Write(o, FuseProtocol.Latest, FuseOpcode.Lookup, 1, new byte[127])));
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseReplyWriter.Write(o, FuseProtocol.Latest, FuseOpcode.Open, 1, new byte[16], default, new byte[] { 1 })));
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseReplyWriter.Write(o, FuseProtocol.Latest, FuseOpcode.Create, 1, new byte[128], new byte[15])));
    }
}
