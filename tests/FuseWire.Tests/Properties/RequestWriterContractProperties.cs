using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuseWire.Codec;
using FuseWire.Tests.Codec;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Properties;

/// <summary>
/// The request writer's contract: for any parts, valid or damaged, it either refuses them with <see cref="ArgumentException"/>
/// or writes a frame that <see cref="FuseRequest.Parse"/> accepts and that re-encodes byte for byte.
/// </summary>
public sealed class RequestWriterContractProperties
{
    public static Arbitrary<(RequestCase Case, RequestDamage Damage)> DamagedCases() => Arb.From(
        from c in RequestCaseGen.Any
        from kind in Gen.Choose(0, RequestDamage.KindCount - 1)
        from value in Gen.Choose(0, 1000)
        select (c, new RequestDamage(kind, value)));

    [Property(Arbitrary = new[] { typeof(RequestWriterContractProperties) }, MaxTest = 1500, Replay = "(16180339,1414213563)")]
    public void AnyParts_AreRefusedOrWrittenAsAFrameThatParses((RequestCase Case, RequestDamage Damage) input)
    {
        RequestCase c = input.Damage.Apply(input.Case);
        byte[] frame;
        try
        {
            frame = RequestRoundTripProperties.Write(c);
        }
        catch (ArgumentException)
        {
            return;
        }

        Assert.True(
            FuseRequest.TryParse(frame, c.Protocol, out _, out FuseProtocolError error),
            $"the writer wrote a frame its parser refuses: {error}");
        RequestRoundTrip.AssertByteExact(frame, c.Protocol);
    }
}
