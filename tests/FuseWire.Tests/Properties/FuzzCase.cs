using System;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Properties;

/// <summary>Arbitrary bytes for the decoders, with a protocol and a reply context to decode them with.</summary>
public sealed record FuzzCase(byte[] Frame, FuseProtocol Protocol, FuseReplyContext Context, string Origin)
{
    public override string ToString() =>
        $"{Origin}: frame={Convert.ToHexString(Frame)} minor={Protocol.Minor} flags={Protocol.Flags} max={Protocol.MaxFrameLength} context={Context}";
}
