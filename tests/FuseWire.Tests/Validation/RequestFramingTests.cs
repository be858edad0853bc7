using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Requests whose header or length cannot be trusted: truncated header, len below the header, len against bytes read and the maximum, unknown opcodes.</summary>
public class RequestFramingTests
{
    private const ulong U = RequestFrames.Unique;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(39)]
    public void Request_with_fewer_bytes_than_a_header_is_HeaderTruncated(int received)
    {
        byte[] frame = FrameEdit.Cut(RequestFrames.Lookup(), received);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.HeaderTruncated, 0, 0, 0));

        Assert.Equal(received, error.Actual);
        Assert.Equal(FuseInHeader.StructSize, error.Expected);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(16u)]
    [InlineData(39u)]
    public void Request_whose_len_is_below_the_header_size_is_LengthBelowHeader(uint len)
    {
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.Len, len);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.LengthBelowHeader, FuseOpcode.Lookup, U, 0));

        Assert.Equal(len, error.Actual);
    }

    [Fact]
    public void Request_whose_len_is_above_the_bytes_read_is_LengthMismatch()
    {
        byte[] valid = RequestFrames.Lookup();
        byte[] shortRead = FrameEdit.Cut(valid, valid.Length - 3);

        FuseProtocolError error = Decode.RejectRequest(shortRead, FuseProtocol.Latest, new(FuseProtocolRule.LengthMismatch, FuseOpcode.Lookup, U, 0));

        Assert.Equal(valid.Length, error.Actual);
        Assert.Equal(valid.Length - 3, error.Expected);
    }

    [Fact]
    public void Request_whose_len_is_below_the_bytes_read_is_LengthMismatch()
    {
        byte[] frame = RequestFrames.Lookup();
        FrameEdit.SetUInt32(frame, FrameEdit.Len, (uint)frame.Length - 1);

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.LengthMismatch, FuseOpcode.Lookup, U, 0));
    }

    [Fact]
    public void Request_whose_len_is_above_the_negotiated_maximum_is_LengthAboveMaximum()
    {
        byte[] frame = RequestFrames.WriteRequest(FuseProtocol.Latest, RequestFrames.Bytes(100));
        FuseProtocol small = FuseProtocol.Latest with { MaxFrameLength = 128 };

        FuseProtocolError error = Decode.RejectRequest(frame, small, new(FuseProtocolRule.LengthAboveMaximum, FuseOpcode.Write, U, 0));

        Assert.Equal(frame.Length, error.Actual);
        Assert.Equal(128, error.Expected);
        Decode.AcceptRequest(frame, FuseProtocol.Latest with { MaxFrameLength = (uint)frame.Length });
    }

    [Fact]
    public void Len_above_the_maximum_is_reported_before_a_short_read()
    {
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.Len, uint.MaxValue);

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.LengthAboveMaximum, FuseOpcode.Lookup, U, 0));
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(7u)]
    [InlineData(19u)]
    [InlineData(54u)]
    [InlineData(4095u)]
    [InlineData(4097u)]
    [InlineData(9999u)]
    [InlineData(uint.MaxValue)]
    public void Request_with_an_opcode_protocol_7_45_does_not_define_is_UnknownOpcode(uint opcode)
    {
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.OpcodeOrError, opcode);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.UnknownOpcode, (FuseOpcode)opcode, U, 4));

        Assert.Equal(opcode, error.Actual);
    }

    [Theory]
    [InlineData(FuseOpcode.CopyFileRange64)]
    [InlineData(FuseOpcode.Statx)]
    [InlineData(FuseOpcode.Release)]
    [InlineData(FuseOpcode.Fsync)]
    [InlineData(FuseOpcode.CuseInit)]
    public void Known_opcodes_next_to_the_holes_are_accepted(FuseOpcode opcode)
    {
        byte[] frame = RequestFrames.Write(FuseProtocol.Latest, opcode, new byte[64]);

        Decode.AcceptRequest(frame, FuseProtocol.Latest);
    }
}
