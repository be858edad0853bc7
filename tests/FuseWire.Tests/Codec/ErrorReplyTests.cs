using System;
using System.Buffers;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Error replies: the header alone with <c>error = -errno</c>, errno 1 to 511.</summary>
public sealed class ErrorReplyTests
{
    [Theory]
    [InlineData(FuseOpcode.Lookup, 2)]
    [InlineData(FuseOpcode.Read, 5)]
    [InlineData(FuseOpcode.Getxattr, 61)]
    [InlineData(FuseOpcode.Init, 38)]
    [InlineData(FuseOpcode.Interrupt, 11)]
    [InlineData(FuseOpcode.Readdirplus, 1)]
    [InlineData(FuseOpcode.Create, 511)]
    public void ErrorReply_RoundTrips(FuseOpcode opcode, int errno)
    {
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteError(o, 0x55, errno));
        Assert.Equal(16, frame.Length);
        Assert.Equal(-errno, MemoryMarshal.Read<int>(frame.AsSpan(4)));
        FuseReplyContext context = new(opcode, 0x55, 4096);
        FuseReply reply = FuseReply.Parse(frame, context, FuseProtocol.Latest, FuseReplyStrictness.Strict);
        Assert.True(reply.IsError);
        Assert.Equal(errno, reply.Errno);
        Assert.Equal(0x55ul, reply.Unique);
        Assert.True(reply.Argument.IsEmpty);
        Assert.True(reply.Argument2.IsEmpty);
        Assert.True(reply.Data.IsEmpty);
        ReplyRoundTrip.AssertByteExact(frame, context, FuseProtocol.Latest);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(512)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void WriteError_RefusesErrnoOutside1To511(int errno)
    {
        ArrayBufferWriter<byte> output = new();
        Assert.Throws<ArgumentOutOfRangeException>(() => FuseReplyWriter.WriteError(output, 1, errno));
        Assert.Equal(0, output.WrittenCount);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(512)]
    [InlineData(-512)]
    [InlineData(int.MinValue)]
    public void ErrorOutsideTheKernelsRange_IsRefusedByTheParser(int error)
    {
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteEmpty(o, 3));
        MemoryMarshal.Write(frame.AsSpan(4), error);
        FuseProtocolException e = Assert.Throws<FuseProtocolException>(
            () => FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Unlink, 3), FuseProtocol.Latest));
        Assert.Equal(FuseProtocolRule.ErrorOutOfRange, e.Rule);
    }

    [Fact]
    public void ErrorWithPayload_IsRefused()
    {
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteData(o, 3, new byte[8]));
        MemoryMarshal.Write(frame.AsSpan(4), -2);
        FuseProtocolException e = Assert.Throws<FuseProtocolException>(
            () => FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Read, 3, 4096), FuseProtocol.Latest));
        Assert.Equal(FuseProtocolRule.ErrorWithPayload, e.Rule);
    }
}
