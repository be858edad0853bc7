using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Request names: NUL-terminated inside the frame, not empty, no '/' in an entry name, at most NAME_MAX (255) or, for a symlink target, PATH_MAX - 1.</summary>
public class RequestNameTests
{
    private const ulong U = RequestFrames.Unique;

    [Fact]
    public void Lookup_name_without_its_NUL_is_NameNotTerminated()
    {
        byte[] frame = RequestFrames.Lookup("abc"u8);
        FrameEdit.SetByte(frame, frame.Length - 1, (byte)'d');

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameNotTerminated, FuseOpcode.Lookup, U, 40));

        Assert.Equal(4, error.Actual);
    }

    [Fact]
    public void Mkdir_cut_before_its_name_is_NameNotTerminated_at_the_end_of_its_argument()
    {
        byte[] frame = FrameEdit.CutAndFixLength(RequestFrames.Mkdir("dir"u8), 48);

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameNotTerminated, FuseOpcode.Mkdir, U, 48));
    }

    [Fact]
    public void Rename_with_only_one_name_is_NameNotTerminated_on_the_second()
    {
        // header 40 + fuse_rename_in 8 + "old\0" 4: the new name would start at 52.
        byte[] frame = FrameEdit.CutAndFixLength(RequestFrames.Rename("old"u8, "new"u8), 52);

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameNotTerminated, FuseOpcode.Rename, U, 52));
        Decode.AcceptRequest(RequestFrames.Rename("old"u8, "new"u8), FuseProtocol.Latest);
    }

    [Fact]
    public void Rename_whose_second_name_lacks_its_NUL_is_NameNotTerminated_on_the_second()
    {
        byte[] frame = RequestFrames.Rename("old"u8, "new"u8);
        FrameEdit.SetByte(frame, frame.Length - 1, (byte)'!');

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameNotTerminated, FuseOpcode.Rename, U, 52));
    }

    [Fact]
    public void Empty_lookup_name_is_NameEmpty()
    {
        Decode.RejectRequest(RequestFrames.Lookup(default), FuseProtocol.Latest, new(FuseProtocolRule.NameEmpty, FuseOpcode.Lookup, U, 40));
    }

    [Fact]
    public void Empty_new_name_of_a_rename_is_NameEmpty_at_its_offset()
    {
        Decode.RejectRequest(RequestFrames.Rename("old"u8, default), FuseProtocol.Latest, new(FuseProtocolRule.NameEmpty, FuseOpcode.Rename, U, 52));
    }

    [Fact]
    public void Empty_symlink_target_is_NameEmpty()
    {
        // header 40 + "link\0" 5: the target starts at 45.
        Decode.RejectRequest(RequestFrames.Symlink("link"u8, default), FuseProtocol.Latest, new(FuseProtocolRule.NameEmpty, FuseOpcode.Symlink, U, 45));
    }

    [Fact]
    public void Empty_xattr_name_is_NameEmpty()
    {
        Decode.RejectRequest(RequestFrames.Getxattr(default), FuseProtocol.Latest, new(FuseProtocolRule.NameEmpty, FuseOpcode.Getxattr, U, 48));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("/")]
    [InlineData("..//")]
    [InlineData("trailing/")]
    public void Lookup_name_with_a_slash_is_NameContainsSlash(string name)
    {
        byte[] frame = RequestFrames.Lookup(System.Text.Encoding.UTF8.GetBytes(name));

        Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameContainsSlash, FuseOpcode.Lookup, U, 40));
    }

    [Fact]
    public void Rename_new_name_with_a_slash_is_NameContainsSlash_at_its_offset()
    {
        Decode.RejectRequest(RequestFrames.Rename("old"u8, "x/y"u8), FuseProtocol.Latest, new(FuseProtocolRule.NameContainsSlash, FuseOpcode.Rename, U, 52));
    }

    [Fact]
    public void Symlink_entry_name_with_a_slash_is_NameContainsSlash()
    {
        Decode.RejectRequest(RequestFrames.Symlink("a/b"u8, "target"u8), FuseProtocol.Latest, new(FuseProtocolRule.NameContainsSlash, FuseOpcode.Symlink, U, 40));
    }

    [Fact]
    public void Tmpfile_name_slash_as_the_kernel_sends_it_is_accepted()
    {
        byte[] frame = RequestFrames.Tmpfile("/"u8);

        Decode.AcceptRequest(frame, FuseProtocol.Latest);
        Assert.True(FuseRequest.Parse(frame, FuseProtocol.Latest).Name.SequenceEqual("/"u8));
    }

    [Fact]
    public void Symlink_target_with_slashes_is_accepted()
    {
        byte[] frame = RequestFrames.Symlink("link"u8, "/usr/lib/../share/x"u8);

        Decode.AcceptRequest(frame, FuseProtocol.Latest);
        Assert.True(FuseRequest.Parse(frame, FuseProtocol.Latest).Name2.SequenceEqual("/usr/lib/../share/x"u8));
    }

    [Fact]
    public void Xattr_name_with_a_slash_is_accepted()
    {
        Decode.AcceptRequest(RequestFrames.Setxattr("user.a/b"u8, "v"u8), FuseProtocol.Latest);
        Decode.AcceptRequest(RequestFrames.Getxattr("trusted.x/y"u8), FuseProtocol.Latest);
    }

    [Fact]
    public void Entry_name_of_256_bytes_is_NameTooLong_and_255_is_accepted()
    {
        byte[] frame = RequestFrames.Lookup(RequestFrames.Bytes(256));

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameTooLong, FuseOpcode.Lookup, U, 40));

        Assert.Equal(256, error.Actual);
        Assert.Equal(255, error.Expected);
        Decode.AcceptRequest(RequestFrames.Lookup(RequestFrames.Bytes(255)), FuseProtocol.Latest);
    }

    [Fact]
    public void Mkdir_name_of_256_bytes_is_NameTooLong_at_its_offset()
    {
        Decode.RejectRequest(RequestFrames.Mkdir(RequestFrames.Bytes(256)), FuseProtocol.Latest, new(FuseProtocolRule.NameTooLong, FuseOpcode.Mkdir, U, 48));
    }

    [Fact]
    public void Symlink_target_of_4096_bytes_is_NameTooLong_and_4095_is_accepted()
    {
        byte[] frame = RequestFrames.Symlink("link"u8, RequestFrames.Bytes(FuseConstants.PathMax, '/'));

        FuseProtocolError error = Decode.RejectRequest(frame, FuseProtocol.Latest, new(FuseProtocolRule.NameTooLong, FuseOpcode.Symlink, U, 45));

        Assert.Equal(4096, error.Actual);
        Assert.Equal(4095, error.Expected);
        Decode.AcceptRequest(RequestFrames.Symlink("link"u8, RequestFrames.Bytes(FuseConstants.PathMax - 1, '/')), FuseProtocol.Latest);
    }

    [Fact]
    public void Symlink_target_of_300_bytes_is_accepted_although_longer_than_NAME_MAX()
    {
        Decode.AcceptRequest(RequestFrames.Symlink("link"u8, RequestFrames.Bytes(300)), FuseProtocol.Latest);
    }

    [Fact]
    public void Xattr_name_of_256_bytes_is_NameTooLong()
    {
        Decode.RejectRequest(RequestFrames.Getxattr(RequestFrames.Bytes(256)), FuseProtocol.Latest, new(FuseProtocolRule.NameTooLong, FuseOpcode.Getxattr, U, 48));
    }
}
