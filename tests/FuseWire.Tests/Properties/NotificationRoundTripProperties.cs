using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuseWire.Protocol;
using FuseWire.Tests.Codec;

namespace FuseWire.Tests.Properties;

/// <summary>Any notification the writer produces parses back and re-encodes byte for byte.</summary>
public sealed class NotificationRoundTripProperties
{
    public static Arbitrary<byte[]> Notifications() => Arb.From(NotificationGen.Any);

    [Property(Arbitrary = new[] { typeof(NotificationRoundTripProperties) }, MaxTest = 500, Replay = "(5772156649,1618033989)")]
    public void AnyNotification_RoundTripsByteExactly(byte[] frame) => NotificationRoundTrip.AssertByteExact(frame, FuseProtocol.Latest);
}
