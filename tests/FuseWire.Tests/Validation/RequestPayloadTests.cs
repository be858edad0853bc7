using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Requests whose argument is short for the negotiated minor, whose counts disagree with the bytes present, or whose INIT states another major.</summary>
public class RequestPayloadTests
{
    private const ulong U = RequestFrames.Unique;

    [Fact]
    public void Read_with_a_24_byte_argument_is_PayloadTooShort_at_7_45_but_valid_at_7_8()
    {
        FuseProtocol old = FuseProtocol.Latest.WithMinor(8);
        byte[] frame = RequestFrames.Read(old);
        Assert.Equal(FuseInHeader.StructSize + 24, frame.Length);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Read, U, 40));

        Assert.Equal(24, error.Actual);
        Assert.Equal(FuseReadIn.StructSize, error.Expected);
        Decode.AcceptRequest(frame, old);
        Assert.Equal(4096u, FuseRequest.Parse(frame, old).GetArgument<FuseReadIn>().Size);
    }

    [Fact]
    public void Getattr_without_its_argument_is_PayloadTooShort_from_7_9_but_valid_at_7_8()
    {
        FuseProtocol old = FuseProtocol.Latest.WithMinor(8);
        byte[] frame = RequestFrames.Write(old, FuseOpcode.Getattr, default);

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Getattr, U, 40));
        Decode.AcceptRequest(frame, old);
    }

    [Fact]
    public void Write_cut_inside_its_argument_is_PayloadTooShort()
    {
        byte[] frame = FrameEdit.CutAndFixLength(RequestFrames.WriteRequest(FuseProtocol.Latest, default), FuseInHeader.StructSize + 39);

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Write, U, 40));
    }

    [Fact]
    public void Init_shorter_than_the_oldest_init_in_is_PayloadTooShort()
    {
        byte[] frame = FrameEdit.CutAndFixLength(RequestFrames.Init(), FuseInHeader.StructSize + 8);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Initial, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Init, U, 40));

        Assert.Equal(FuseConstants.CompatInitInSize, error.Expected);
    }

    [Fact]
    public void Init_stating_7_36_or_later_with_only_16_bytes_is_PayloadTooShort_while_7_35_is_valid()
    {
        byte[] frame = FrameEdit.CutAndFixLength(RequestFrames.Init(36), FuseInHeader.StructSize + 16);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Initial, new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Init, U, 40));

        Assert.Equal(FuseInitIn.StructSize, error.Expected);
        Decode.AcceptRequest(RequestFrames.Init(35), FuseProtocol.Initial);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(6u)]
    [InlineData(8u)]
    [InlineData(0x0700_0000u)]
    public void Init_request_with_a_major_other_than_7_is_UnsupportedVersion(uint major)
    {
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.Init(), 40, major);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Initial, new(FuseProtocolRule.UnsupportedVersion, FuseOpcode.Init, U, 40));

        Assert.Equal(major, error.Actual);
        Assert.Equal(7, error.Expected);
    }

    [Fact]
    public void Batch_forget_whose_count_runs_beyond_the_frame_is_CountMismatch()
    {
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.BatchForget(1), 40, 2);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, FuseOpcode.BatchForget, U, 48));

        Assert.Equal(FuseForgetOne.StructSize, error.Actual);
        Assert.Equal(2 * FuseForgetOne.StructSize, error.Expected);
        Assert.Equal(3, FuseRequest.Parse(RequestFrames.BatchForget(3), FuseProtocol.Latest).Forgets.Length);
    }

    [Fact]
    public void Batch_forget_with_a_huge_count_is_CountMismatch_without_overflow()
    {
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.BatchForget(1), 40, uint.MaxValue);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, FuseOpcode.BatchForget, U, 48));

        Assert.Equal(uint.MaxValue * 16L, error.Expected);
    }

    [Fact]
    public void Setxattr_whose_size_runs_beyond_the_frame_is_CountMismatch()
    {
        // header 40 + fuse_setxattr_in 16 + "user.test\0" 10: the value starts at 66.
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.Setxattr("user.test"u8, "1234"u8), 40, 100);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, FuseOpcode.Setxattr, U, 66));

        Assert.Equal(4, error.Actual);
        Assert.Equal(100, error.Expected);
    }

    [Theory]
    [InlineData(9u)]
    [InlineData(11u)]
    [InlineData(uint.MaxValue)]
    public void Write_whose_size_disagrees_with_its_data_is_CountMismatch(uint size)
    {
        // header 40 + fuse_write_in 40: data at 80; size is at 40 + 16.
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.WriteRequest(FuseProtocol.Latest, RequestFrames.Bytes(10)), 56, size);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, FuseOpcode.Write, U, 80));

        Assert.Equal(10, error.Actual);
        Assert.Equal(size, error.Expected);
    }

    [Fact]
    public void Write_at_7_8_has_its_data_after_a_24_byte_argument()
    {
        FuseProtocol old = FuseProtocol.Latest.WithMinor(8);
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.WriteRequest(old, RequestFrames.Bytes(10)), 56, 12);

        Decode.RejectRequest(frame, old, new(FuseProtocolRule.CountMismatch, FuseOpcode.Write, U, 64));
    }

    [Fact]
    public void Ioctl_whose_in_size_disagrees_with_its_input_is_CountMismatch()
    {
        // header 40 + fuse_ioctl_in 32: input at 72; in_size is at 40 + 24.
        byte[] frame = FrameEdit.SetUInt32(RequestFrames.Ioctl(RequestFrames.Bytes(8)), 64, 16);

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, FuseOpcode.Ioctl, U, 72));

        Assert.Equal(8, error.Actual);
        Assert.Equal(16, error.Expected);
    }
}
