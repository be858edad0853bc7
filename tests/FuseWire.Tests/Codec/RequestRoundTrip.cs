using System.Buffers;
using FuseWire.Codec;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Re-encodes a parsed request from its parts and checks the frame comes back byte for byte.</summary>
internal static class RequestRoundTrip
{
    /// <summary>Parses <paramref name="frame"/>, writes it again from header, argument, names, data and extensions, and returns the new bytes.</summary>
    public static byte[] Reencode(byte[] frame, in FuseProtocol protocol)
    {
        FuseRequest request = FuseRequest.Parse(frame, protocol);
        ArrayBufferWriter<byte> output = new();
        int length = FuseRequestWriter.Write(
            output, protocol, request.Header, request.Argument, request.Name, request.Name2, request.Data, request.Extensions);
        Assert.Equal(length, output.WrittenCount);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Asserts that parse then re-encode gives the same bytes.</summary>
    public static void AssertByteExact(byte[] frame, in FuseProtocol protocol) => Assert.Equal(frame, Reencode(frame, protocol));
}
