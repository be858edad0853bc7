using System;
using System.Buffers;
using FsCheck.Xunit;
using FuseWire.Codec;
using FuseWire.Tests.Codec;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Properties;

/// <summary>Any valid reply, written by <see cref="FuseReplyWriter"/>, parses back strictly to its parts and re-encodes byte for byte.</summary>
public sealed class ReplyRoundTripProperties
{
    internal static byte[] Write(ReplyCase c)
    {
        ArrayBufferWriter<byte> output = new();
        int length = c.Errno != 0
            ? FuseReplyWriter.WriteError(output, c.Unique, c.Errno)
            : FuseReplyWriter.Write(output, c.Protocol, c.Opcode, c.Unique, c.Argument, c.Argument2, c.Data);
        Assert.Equal(length, output.WrittenCount);
        return output.WrittenSpan.ToArray();
    }

    [Property(Arbitrary = new[] { typeof(CodecArbitraries) }, MaxTest = 1500, Replay = "(4242424242,987654321)")]
    public void AnyValidReply_RoundTripsByteExactly(ReplyCase c)
    {
        byte[] frame = Write(c);
        Assert.True(FuseReply.TryParse(frame, c.Context, c.Protocol, FuseReplyStrictness.Strict, out FuseReply reply, out FuseValidationResult result), result.Error.ToString());
        Assert.False(result.HasWarning);
        Assert.Equal((uint)frame.Length, reply.Header.Len);
        Assert.Equal(c.Unique, reply.Unique);
        Assert.Equal(c.Errno, reply.Errno);
        Assert.Equal(c.Errno != 0, reply.IsError);
        if (c.Errno == 0)
        {
            uint initMinor = c.Argument.Length >= 8 ? BitConverter.ToUInt32(c.Argument, 4) : 0;
            int argSize = ReplyArgumentTypes.WireSize(c.Opcode, c.RequestedSize, c.Protocol, initMinor);
            Assert.Equal(c.Argument[..argSize], reply.Argument.ToArray());
            Assert.Equal(c.Argument2, reply.Argument2.ToArray());
            Assert.Equal(c.Data, reply.Data.ToArray());
        }

        int recordBytes = 0;
        foreach (FuseDirentEntry entry in reply.EnumerateDirents(c.Opcode == FuseWire.Abi.FuseOpcode.Readdirplus))
        {
            recordBytes += FuseDirentWriter.RecordSize(entry.Name.Length, c.Opcode == FuseWire.Abi.FuseOpcode.Readdirplus);
        }

        if (c.Opcode is FuseWire.Abi.FuseOpcode.Readdir or FuseWire.Abi.FuseOpcode.Readdirplus)
        {
            Assert.Equal(c.Data.Length, recordBytes);
        }

        ReplyRoundTrip.AssertByteExact(frame, c.Context, c.Protocol);
    }
}
