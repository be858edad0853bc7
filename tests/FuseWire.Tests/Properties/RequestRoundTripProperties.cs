using System.Buffers;
using FsCheck.Xunit;
using FuseWire.Codec;
using FuseWire.Tests.Codec;
using Xunit;

namespace FuseWire.Tests.Properties;

/// <summary>Any valid request, written by <see cref="FuseRequestWriter"/>, parses back to its parts and re-encodes byte for byte.</summary>
public sealed class RequestRoundTripProperties
{
    internal static byte[] Write(RequestCase c)
    {
        ArrayBufferWriter<byte> output = new();
        int length = FuseRequestWriter.Write(output, c.Protocol, c.Header, c.Argument, c.Name, c.Name2, c.Data, c.Extensions);
        Assert.Equal(length, output.WrittenCount);
        return output.WrittenSpan.ToArray();
    }

    [Property(Arbitrary = new[] { typeof(CodecArbitraries) }, MaxTest = 1500, Replay = "(8675309,1234567891)")]
    public void AnyValidRequest_RoundTripsByteExactly(RequestCase c)
    {
        byte[] frame = Write(c);
        int argSize = RequestArgumentTypes.WireSize(c.Header.Opcode, c.Protocol, c.Argument.Length >= 8 ? System.BitConverter.ToUInt32(c.Argument, 4) : 0);
        FuseRequest request = FuseRequest.Parse(frame, c.Protocol);
        Assert.Equal((uint)frame.Length, request.Header.Len);
        Assert.Equal(c.Header.Opcode, request.Opcode);
        Assert.Equal(c.Header.Unique, request.Unique);
        Assert.Equal(c.Header.NodeId, request.NodeId);
        Assert.Equal(c.Header.Uid, request.Header.Uid);
        Assert.Equal(c.Header.Gid, request.Header.Gid);
        Assert.Equal(c.Header.Pid, request.Header.Pid);
        Assert.Equal(c.Header.Padding, request.Header.Padding);
        Assert.Equal(c.Extensions.Length / 8, request.Header.TotalExtLen);
        Assert.Equal(c.Argument[..argSize], request.Argument.ToArray());
        Assert.Equal(c.Name, request.Name.ToArray());
        Assert.Equal(c.Name2, request.Name2.ToArray());
        Assert.Equal(c.Data, request.Data.ToArray());
        Assert.Equal(c.Extensions, request.Extensions.ToArray());

        int extensionBytes = 0;
        foreach (FuseExtension extension in request.EnumerateExtensions())
        {
            extensionBytes += extension.Whole.Length;
        }

        Assert.Equal(c.Extensions.Length, extensionBytes);
        RequestRoundTrip.AssertByteExact(frame, c.Protocol);
    }
}
