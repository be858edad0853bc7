using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>
/// Request extensions: <c>total_extlen</c> (8-byte units, honoured from 7.38) must fit the frame, and the area must be a sequence of
/// <c>fuse_ext_header</c>-led records whose sizes are non-zero multiples of 8 that fill it exactly.
/// </summary>
public class RequestExtensionTests
{
    private const ulong U = RequestFrames.Unique;

    /// <summary>LOOKUP "abc" (header 40, name 4 bytes) followed by an extension area of <paramref name="area"/>; the area starts at 44.</summary>
    private static byte[] LookupWith(byte[] area) => RequestFrames.Write(FuseProtocol.Latest, FuseOpcode.Lookup, default, "abc"u8, extensions: area);

    [Fact]
    public void Total_extlen_beyond_len_is_ExtensionMalformed_at_the_header_field()
    {
        byte[] frame = FrameEdit.SetUInt16(RequestFrames.Lookup("abc"u8), FrameEdit.TotalExtLen, 100);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.ExtensionMalformed, FuseOpcode.Lookup, U, 36));

        Assert.Equal(800, error.Actual);
        Assert.Equal(4, error.Expected);
    }

    [Fact]
    public void Total_extlen_is_ignored_before_7_38()
    {
        byte[] frame = FrameEdit.SetUInt16(RequestFrames.Lookup("abc"u8), FrameEdit.TotalExtLen, 100);

        Decode.AcceptRequest(frame, FuseProtocol.Latest.WithMinor(37));
        Assert.True(FuseRequest.Parse(frame, FuseProtocol.Latest.WithMinor(37)).Extensions.IsEmpty);
        Decode.RejectRequest(frame, FuseProtocol.Latest.WithMinor(38), new(FuseProtocolRule.ExtensionMalformed, FuseOpcode.Lookup, U, 36));
    }

    [Fact]
    public void Well_formed_extension_is_accepted_and_enumerated()
    {
        byte[] frame = LookupWith(RequestFrames.Extension(16, 16));

        Decode.AcceptRequest(frame, FuseProtocol.Latest);
        FuseRequest request = FuseRequest.Parse(frame, FuseProtocol.Latest);
        int count = 0;
        foreach (FuseExtension extension in request.EnumerateExtensions())
        {
            Assert.Equal((uint)FuseExtType.ExtGroups, extension.Type);
            count++;
        }

        Assert.Equal(1, count);
        Assert.True(request.Name.SequenceEqual("abc"u8));
    }

    [Fact]
    public void Extension_header_of_size_0_is_ExtensionMalformed()
    {
        FuseProtocolError error = Decode.RejectRequest(LookupWith(RequestFrames.Extension(0, 8)), FuseProtocol.Latest, new(FuseProtocolRule.ExtensionMalformed, FuseOpcode.Lookup, U, 44));

        Assert.Equal(0, error.Actual);
    }

    [Fact]
    public void Extension_size_below_its_own_header_is_ExtensionMalformed()
    {
        Decode.RejectRequest(LookupWith(RequestFrames.Extension(4, 8)), FuseProtocol.Latest, new(FuseProtocolRule.ExtensionMalformed, FuseOpcode.Lookup, U, 44));
    }

    [Fact]
    public void Extension_size_not_a_multiple_of_8_is_ExtensionMalformed()
    {
        FuseProtocolError error = Decode.RejectRequest(LookupWith(RequestFrames.Extension(12, 16)), FuseProtocol.Latest, new(FuseProtocolRule.ExtensionMalformed, FuseOpcode.Lookup, U, 44));

        Assert.Equal(12, error.Actual);
    }

    [Fact]
    public void Extension_running_past_the_end_is_ExtensionMalformed()
    {
        FuseProtocolError error = Decode.RejectRequest(LookupWith(RequestFrames.Extension(24, 16)), FuseProtocol.Latest, new(FuseProtocolRule.ExtensionMalformed, FuseOpcode.Lookup, U, 44));

        Assert.Equal(24, error.Actual);
        Assert.Equal(16, error.Expected);
    }

    [Fact]
    public void Second_extension_of_size_0_is_ExtensionMalformed_at_its_own_offset()
    {
        byte[] area = RequestFrames.Extension(8, 16);
        byte[] frame = LookupWith(area);

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.ExtensionMalformed, FuseOpcode.Lookup, U, 52));
    }
}
