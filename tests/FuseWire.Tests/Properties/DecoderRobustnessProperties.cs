using System;
using FsCheck.Xunit;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Properties;

/// <summary>
/// Decoding any bytes — random arrays, and valid frames with flipped bytes, truncations and random len fields — either succeeds
/// or fails with <see cref="FuseProtocolException"/>; it never throws anything else and never hands out a span outside the frame.
/// </summary>
public sealed class DecoderRobustnessProperties
{
    [Property(Arbitrary = new[] { typeof(CodecArbitraries) }, MaxTest = 4000, Replay = "(31415926535,2718281829)")]
    public void AnyBytes_DecodeOrFailWithFuseProtocolException_InsideTheFrame(FuzzCase c) =>
        DecoderSafety.Check(c.Frame, c.Protocol, c.Context);

    [Property(MaxTest = 500, Replay = "(27182818,314159265)")]
    public void RandomArrays_DecodeOrFailWithFuseProtocolException(byte[] bytes, uint minor, ulong unique, uint size)
    {
        FuseProtocol protocol = FuseProtocol.Latest.WithMinor(minor % 50);
        foreach (FuseOpcode opcode in new[] { FuseOpcode.Readdir, FuseOpcode.Readdirplus, FuseOpcode.Init, FuseOpcode.Create, FuseOpcode.Ioctl })
        {
            DecoderSafety.Check(bytes, protocol, new FuseReplyContext(opcode, unique, size));
        }
    }

    [Fact]
    public void TheFuzzCases_ReachEveryDecoderPastItsChecks()
    {
        FuzzCase[] cases = FsCheck.Fluent.Gen.Sample(FuzzCaseGen.Any, 400, new FsCheck.Rnd(99, 101), 50);
        Assert.Equal(400, cases.Length);
        int accepted = 0;
        int rejected = 0;
        foreach (FuzzCase c in cases)
        {
            bool request = FuseRequest.TryParse(c.Frame, c.Protocol, out _, out _);
            bool reply = FuseReply.TryParse(c.Frame, c.Context, c.Protocol, FuseReplyStrictness.Lenient, out _, out _);
            bool notification = FuseNotification.TryParse(c.Frame, c.Protocol, out _, out _);
            if (request || reply || notification)
            {
                accepted++;
            }
            else
            {
                rejected++;
            }

            DecoderSafety.Check(c.Frame, c.Protocol, c.Context);
        }

        Assert.True(accepted >= 40, $"only {accepted} of 400 fuzz cases decoded");
        Assert.True(rejected >= 40, $"only {rejected} of 400 fuzz cases were refused");
    }

    [Fact]
    public void AssertWithin_FlagsSpansOutsideTheFrame()
    {
        byte[] buffer = new byte[64];
        ReadOnlySpan<byte> frame = buffer.AsSpan(16, 32);
        DecoderSafety.AssertWithin(frame, frame[4..8], "inside");
        DecoderSafety.AssertWithin(frame, default, "empty");
        byte[] buffer2 = buffer;
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => DecoderSafety.AssertWithin(buffer2.AsSpan(16, 32), buffer2.AsSpan(12, 8), "before"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => DecoderSafety.AssertWithin(buffer2.AsSpan(16, 32), buffer2.AsSpan(40, 16), "after"));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => DecoderSafety.AssertWithin(buffer2.AsSpan(16, 32), new byte[4], "elsewhere"));
    }
}
