using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Notifications (unique 0, the code in <c>error</c>): opcode and unique are reported as 0.</summary>
public class NotificationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(99)]
    [InlineData(-1)]
    public void Notification_with_a_code_7_45_does_not_define_is_UnknownNotifyCode(int code)
    {
        byte[] frame = FrameEdit.SetInt32(NotificationFrames.PollWakeup(), FrameEdit.OpcodeOrError, code);

        FuseProtocolError error = Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.UnknownNotifyCode, 0, 0, 4));

        Assert.Equal(code, error.Actual);
    }

    [Fact]
    public void Inval_inode_with_a_short_body_is_PayloadTooShort()
    {
        byte[] frame = FrameEdit.CutAndFixLength(NotificationFrames.InvalInode(), 16 + 20);

        FuseProtocolError error = Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, 0, 0, 16));

        Assert.Equal(20, error.Actual);
        Assert.Equal(FuseNotifyInvalInodeOut.StructSize, error.Expected);
    }

    [Fact]
    public void Poll_wakeup_without_a_body_is_PayloadTooShort()
    {
        Decode.RejectNotification(FrameEdit.CutAndFixLength(NotificationFrames.PollWakeup(), 16), FuseProtocol.Latest, new(FuseProtocolRule.PayloadTooShort, 0, 0, 16));
    }

    [Theory]
    [InlineData(2u)]
    [InlineData(5u)]
    [InlineData(uint.MaxValue)]
    public void Inval_entry_whose_namelen_disagrees_with_its_name_is_CountMismatch(uint namelen)
    {
        // header 16 + fuse_notify_inval_entry_out 16 (namelen at 24): the name "abc\0" starts at 32.
        byte[] frame = FrameEdit.SetUInt32(NotificationFrames.InvalEntry("abc"u8), 24, namelen);

        FuseProtocolError error = Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, 0, 0, 32));

        Assert.Equal(4, error.Actual);
        Assert.Equal(namelen + 1L, error.Expected);
    }

    [Fact]
    public void Inval_entry_whose_name_lacks_its_NUL_is_NameNotTerminated()
    {
        byte[] frame = NotificationFrames.InvalEntry("abc"u8);
        FrameEdit.SetByte(frame, frame.Length - 1, (byte)'d');

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameNotTerminated, 0, 0, 32));
    }

    [Fact]
    public void Inval_entry_whose_name_holds_a_NUL_is_NameNotTerminated()
    {
        byte[] frame = FrameEdit.SetByte(NotificationFrames.InvalEntry("abc"u8), 33, 0);

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameNotTerminated, 0, 0, 32));
    }

    [Fact]
    public void Inval_entry_with_an_empty_name_is_NameEmpty()
    {
        byte[] frame = FrameEdit.CutAndFixLength(NotificationFrames.InvalEntry("a"u8), 33);
        FrameEdit.SetByte(frame, 32, 0);
        FrameEdit.SetUInt32(frame, 24, 0);

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameEmpty, 0, 0, 32));
    }

    [Fact]
    public void Inval_entry_with_a_slash_in_its_name_is_NameContainsSlash()
    {
        byte[] frame = FrameEdit.SetByte(NotificationFrames.InvalEntry("abc"u8), 33, (byte)'/');

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameContainsSlash, 0, 0, 32));
    }

    [Fact]
    public void Inval_entry_with_a_256_byte_name_is_NameTooLong()
    {
        byte[] frame = FrameEdit.AppendAndFixLength(NotificationFrames.InvalEntry(RequestFrames.Bytes(255)), 1, 0);
        FrameEdit.SetByte(frame, 32 + 255, (byte)'a');
        FrameEdit.SetUInt32(frame, 24, 256);

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameTooLong, 0, 0, 32));
    }

    [Fact]
    public void Store_whose_size_disagrees_with_its_data_is_CountMismatch()
    {
        // header 16 + fuse_notify_store_out 24 (size at 32): data at 40.
        byte[] frame = FrameEdit.SetUInt32(NotificationFrames.Store(RequestFrames.Bytes(10)), 32, 11);

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.CountMismatch, 0, 0, 40));
        Decode.AcceptNotification(NotificationFrames.Store(RequestFrames.Bytes(10)), FuseProtocol.Latest);
    }

    [Fact]
    public void Notification_frame_with_a_non_zero_unique_is_UniqueNotOutstanding()
    {
        byte[] frame = FrameEdit.SetUInt64(NotificationFrames.PollWakeup(), FrameEdit.Unique, 77);

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.UniqueNotOutstanding, 0, 77, 8));
    }

    [Fact]
    public void Notification_shorter_than_a_header_is_HeaderTruncated()
    {
        Decode.RejectNotification(FrameEdit.Cut(NotificationFrames.PollWakeup(), 12), FuseProtocol.Latest, new(FuseProtocolRule.HeaderTruncated, 0, 0, 0));
    }

    [Fact]
    public void Notification_whose_len_disagrees_with_the_bytes_read_is_LengthMismatch()
    {
        byte[] frame = FrameEdit.Cut(NotificationFrames.InvalInode(), 30);

        Decode.RejectNotification(frame, FuseProtocol.Latest, new(FuseProtocolRule.LengthMismatch, 0, 0, 0));
    }

    [Fact]
    public void Valid_notifications_are_accepted()
    {
        Decode.AcceptNotification(NotificationFrames.PollWakeup(), FuseProtocol.Latest);
        Decode.AcceptNotification(NotificationFrames.InvalInode(), FuseProtocol.Latest);
        FuseNotification entry = FuseNotification.Parse(NotificationFrames.InvalEntry("abc"u8), FuseProtocol.Latest);
        Assert.Equal(FuseNotifyCode.InvalEntry, entry.Code);
        Assert.True(entry.Name.SequenceEqual("abc"u8));
    }
}
