using System.Buffers;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Re-encodes a parsed reply from its parts and checks the frame comes back byte for byte.</summary>
internal static class ReplyRoundTrip
{
    /// <summary>Parses <paramref name="frame"/> and writes it again: WriteError for an error, else the generic Write from argument, argument 2 and data.</summary>
    public static byte[] Reencode(byte[] frame, in FuseReplyContext context, in FuseProtocol protocol)
    {
        FuseReply reply = FuseReply.Parse(frame, context, protocol, FuseReplyStrictness.Strict);
        ArrayBufferWriter<byte> output = new();
        int length = reply.IsError
            ? FuseReplyWriter.WriteError(output, reply.Unique, reply.Errno)
            : FuseReplyWriter.Write(output, protocol, context.Opcode, reply.Unique, reply.Argument, reply.Argument2, reply.Data);
        Assert.Equal(length, output.WrittenCount);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Asserts that parse then re-encode gives the same bytes.</summary>
    public static void AssertByteExact(byte[] frame, in FuseReplyContext context, in FuseProtocol protocol) =>
        Assert.Equal(frame, Reencode(frame, context, protocol));
}
