using System;
using System.Linq;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>
/// <see cref="FuseRequestWriter"/> refuses, with <see cref="ArgumentException"/>, the parts its own parser would refuse:
/// bad names, data that disagrees with the argument's count, malformed extensions or extensions before 7.38.
/// </summary>
public sealed class RequestWriterRefusalTests
{
    private static void AssertRefused(RequestSample sample, byte[]? name = null, byte[]? name2 = null, byte[]? data = null, byte[]? extensions = null, FuseProtocol? protocol = null)
    {
        FuseProtocol p = protocol ?? sample.Protocol;
        FuseInHeader header = sample.Header;
        byte[] n = name ?? sample.Name;
        byte[] n2 = name2 ?? sample.Name2;
        byte[] d = data ?? sample.Data;
        byte[] e = extensions ?? sample.Extensions;
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseRequestWriter.Write(o, p, header, sample.Argument, n, n2, d, e)));
    }

    private static byte[] Repeat(char c, int count) => Enumerable.Repeat((byte)c, count).ToArray();

    [Theory]
    [InlineData(FuseOpcode.Lookup)]
    [InlineData(FuseOpcode.Mkdir)]
    [InlineData(FuseOpcode.Rename2)]
    [InlineData(FuseOpcode.Symlink)]
    [InlineData(FuseOpcode.Getxattr)]
    [InlineData(FuseOpcode.Tmpfile)]
    public void EmptyOrOverlongNames_AreRefused(FuseOpcode opcode)
    {
        RequestSample sample = RequestSample.Create(opcode, FuseProtocol.Latest);
        AssertRefused(sample, name: []);
        AssertRefused(sample, name: Repeat('n', 256));
        AssertRefused(sample, name: [(byte)'a', 0, (byte)'b']);
    }

    [Theory]
    [InlineData(FuseOpcode.Lookup)]
    [InlineData(FuseOpcode.Create)]
    [InlineData(FuseOpcode.Link)]
    [InlineData(FuseOpcode.Rename)]
    public void EntryNamesWithASlash_AreRefused(FuseOpcode opcode) =>
        AssertRefused(RequestSample.Create(opcode, FuseProtocol.Latest), name: "dir/file"u8.ToArray());

    [Fact]
    public void SecondNames_FollowTheirOwnRules()
    {
        RequestSample rename = RequestSample.Create(FuseOpcode.Rename, FuseProtocol.Latest);
        AssertRefused(rename, name2: "a/b"u8.ToArray());
        AssertRefused(rename, name2: []);

        RequestSample symlink = RequestSample.Create(FuseOpcode.Symlink, FuseProtocol.Latest);
        AssertRefused(symlink, name2: Repeat('t', 4096));
        byte[] longTarget = Repeat('t', 4095);
        longTarget[10] = (byte)'/';
        FuseInHeader header = symlink.Header;
        byte[] frame = WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Latest, header, [], symlink.Name, longTarget));
        Assert.Equal(longTarget, FuseRequest.Parse(frame, FuseProtocol.Latest).Name2.ToArray());
    }

    [Fact]
    public void SlashesOutsideEntryNames_AreAccepted()
    {
        RequestSample xattr = RequestSample.Create(FuseOpcode.Setxattr, FuseProtocol.Latest);
        FuseInHeader header = xattr.Header;
        byte[] frame = WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Latest, header, xattr.Argument, "user.a/b"u8.ToArray(), default, xattr.Data));
        Assert.Equal("user.a/b"u8.ToArray(), FuseRequest.Parse(frame, FuseProtocol.Latest).Name.ToArray());
    }

    [Theory]
    [InlineData(FuseOpcode.Write)]
    [InlineData(FuseOpcode.Setxattr)]
    [InlineData(FuseOpcode.Ioctl)]
    [InlineData(FuseOpcode.NotifyReply)]
    [InlineData(FuseOpcode.BatchForget)]
    [InlineData(FuseOpcode.Removemapping)]
    public void DataThatDisagreesWithTheArgumentsCount_IsRefused(FuseOpcode opcode)
    {
        RequestSample sample = RequestSample.Create(opcode, FuseProtocol.Latest);
        AssertRefused(sample, data: [.. sample.Data, 1]);
        AssertRefused(sample, data: sample.Data[..^1]);
        AssertRefused(sample, data: []);
    }

    [Fact]
    public void Extensions_Before7_38_AreRefused()
    {
        RequestSample sample = RequestSample.Create(FuseOpcode.Create, FuseProtocol.Latest.WithMinor(37));
        AssertRefused(sample, extensions: RequestExtensions.SupplementaryGroups(1, 2));
    }

    [Fact]
    public void MalformedExtensions_AreRefused()
    {
        RequestSample sample = RequestSample.Create(FuseOpcode.Mkdir, FuseProtocol.Latest);
        byte[] groups = RequestExtensions.SupplementaryGroups(1, 2, 3);
        byte[] tooLong = (byte[])groups.Clone();
        WireBytes.PutUInt32(tooLong, 0, (uint)groups.Length + 8);
        AssertRefused(sample, extensions: tooLong);
        byte[] zeroSize = (byte[])groups.Clone();
        WireBytes.PutUInt32(zeroSize, 0, 0);
        AssertRefused(sample, extensions: zeroSize);
        byte[] notAligned = (byte[])groups.Clone();
        WireBytes.PutUInt32(notAligned, 0, 12);
        AssertRefused(sample, extensions: notAligned);
        AssertRefused(sample, extensions: new byte[12]);
    }
}
