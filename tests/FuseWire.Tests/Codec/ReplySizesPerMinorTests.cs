using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>The reply sizes that depend on the minor, stated as facts with the fields an old minor does not carry.</summary>
public sealed class ReplySizesPerMinorTests
{
    private static FuseProtocol At(uint minor) => FuseProtocol.Latest.WithMinor(minor);

    [Theory]
    [InlineData(8u, 120)]
    [InlineData(9u, 128)]
    [InlineData(45u, 128)]
    public void LookupReply_Is16Plus120Before7_9(uint minor, int entrySize)
    {
        FuseEntryOut entry = WireBytes.Distinct<FuseEntryOut>(21);
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteEntry(o, At(minor), 3, entry));
        Assert.Equal(16 + entrySize, frame.Length);
        FuseReply reply = FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Lookup, 3), At(minor), FuseReplyStrictness.Strict);
        FuseEntryOut read = reply.GetArgument<FuseEntryOut>();
        Assert.Equal(entry.NodeId, read.NodeId);
        Assert.Equal(entry.Attr.Rdev, read.Attr.Rdev);
        Assert.Equal(entrySize == 128 ? entry.Attr.BlkSize : 0u, read.Attr.BlkSize);
        Assert.Equal(entrySize == 128 ? entry.Attr.Flags : 0u, read.Attr.Flags);
    }

    [Fact]
    public void LongLookupReplyAt7_8_IsAWarningWhenLenientAndAnErrorWhenStrict()
    {
        FuseEntryOut entry = WireBytes.Distinct<FuseEntryOut>(21);
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteEntry(o, At(9), 3, entry));
        FuseReplyContext context = new(FuseOpcode.Lookup, 3);
        Assert.True(FuseReply.TryParse(frame, context, At(8), FuseReplyStrictness.Lenient, out _, out FuseValidationResult lenient));
        Assert.Equal(FuseProtocolRule.PayloadTooLong, lenient.Warning.Rule);
        Assert.False(FuseReply.TryParse(frame, context, At(8), FuseReplyStrictness.Strict, out _, out FuseValidationResult strict));
        Assert.Equal(FuseProtocolRule.PayloadTooLong, strict.Error.Rule);

        byte[] shortFrame = WireBytes.Capture(o => FuseReplyWriter.WriteEntry(o, At(8), 3, entry));
        Assert.Equal(FuseProtocolRule.PayloadTooShort, Assert.Throws<FuseProtocolException>(() => FuseReply.Parse(shortFrame, context, At(9))).Rule);
    }

    [Theory]
    [InlineData(8u, 96)]
    [InlineData(9u, 104)]
    public void AttrReply_Is16Plus96Before7_9(uint minor, int size)
    {
        FuseAttrOut attr = WireBytes.Distinct<FuseAttrOut>(22);
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteAttr(o, At(minor), 4, attr));
        Assert.Equal(16 + size, frame.Length);
        FuseAttrOut read = FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Getattr, 4), At(minor)).GetArgument<FuseAttrOut>();
        Assert.Equal(attr.AttrValid, read.AttrValid);
        Assert.Equal(attr.Attr.Mode, read.Attr.Mode);
        Assert.Equal(size == 104 ? attr.Attr.Flags : 0u, read.Attr.Flags);
    }

    [Theory]
    [InlineData(8u, 120)]
    [InlineData(45u, 128)]
    public void CreateReply_IsTheEntryThenTheOpenOut(uint minor, int entrySize)
    {
        FuseEntryOut entry = WireBytes.Distinct<FuseEntryOut>(23);
        FuseOpenOut open = WireBytes.Distinct<FuseOpenOut>(24);
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteCreate(o, At(minor), 5, entry, open));
        Assert.Equal(16 + entrySize + 16, frame.Length);
        FuseReply reply = FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Create, 5), At(minor), FuseReplyStrictness.Strict);
        Assert.Equal(entrySize, reply.Argument.Length);
        Assert.Equal(16, reply.Argument2.Length);
        WireBytes.AssertSame(open, reply.GetArgument2<FuseOpenOut>());
        Assert.True(reply.Data.IsEmpty);
    }

    [Theory]
    [InlineData(3u, 48)]
    [InlineData(4u, 80)]
    public void StatfsReply_Is16Plus48Before7_4(uint minor, int size)
    {
        FuseStatfsOut statfs = WireBytes.Distinct<FuseStatfsOut>(25);
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteStatfs(o, At(minor), 6, statfs));
        Assert.Equal(16 + size, frame.Length);
        FuseStatfsOut read = FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Statfs, 6), At(minor)).GetArgument<FuseStatfsOut>();
        Assert.Equal(statfs.St.Blocks, read.St.Blocks);
        Assert.Equal(statfs.St.NameLen, read.St.NameLen);
        Assert.Equal(size == 80 ? statfs.St.FrSize : 0u, read.St.FrSize);
        Assert.Equal(size == 80 ? statfs.St.Padding : 0u, read.St.Padding);
    }

    [Theory]
    [InlineData(4u, 8)]
    [InlineData(5u, 24)]
    [InlineData(22u, 24)]
    [InlineData(23u, 64)]
    [InlineData(45u, 64)]
    public void InitReply_IsSizedByTheMinorItStates(uint minor, int size)
    {
        FuseInitOut init = WireBytes.Distinct<FuseInitOut>(26);
        init.Major = 7;
        init.Minor = minor;
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteInit(o, 1, init));
        Assert.Equal(16 + size, frame.Length);
        FuseReply reply = FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Init, 1), FuseProtocol.Initial, FuseReplyStrictness.Strict);
        FuseInitOut read = reply.GetArgument<FuseInitOut>();
        Assert.Equal(7u, read.Major);
        Assert.Equal(minor, read.Minor);
        Assert.Equal(size >= 24 ? init.MaxReadahead : 0u, read.MaxReadahead);
        Assert.Equal(size >= 24 ? init.MaxWrite : 0u, read.MaxWrite);
        Assert.Equal(size == 64 ? init.TimeGran : 0u, read.TimeGran);
        Assert.Equal(size == 64 ? init.Flags2 : 0u, read.Flags2);
        Assert.Equal(size == 64 ? init.MaxStackDepth : 0u, read.MaxStackDepth);
        ReplyRoundTrip.AssertByteExact(frame, new FuseReplyContext(FuseOpcode.Init, 1), FuseProtocol.Initial);
    }

    [Fact]
    public void InitReply_WithAnotherMajor_IsRefused()
    {
        FuseInitOut init = new() { Major = 7, Minor = 45 };
        FuseInitOut other = new() { Major = 6, Minor = 45 };
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseReplyWriter.WriteInit(o, 1, other)));
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteInit(o, 1, init));
        frame[16] = 6; // the writer refuses another major, so the frame is patched to show the parser refuses it too
        FuseProtocolException e = Assert.Throws<FuseProtocolException>(
            () => FuseReply.Parse(frame, new FuseReplyContext(FuseOpcode.Init, 1), FuseProtocol.Initial));
        Assert.Equal(FuseProtocolRule.UnsupportedVersion, e.Rule);
    }

    [Fact]
    public void GetxattrReply_IsTheSizeForSize0AndTheValueOtherwise()
    {
        byte[] sizeFrame = WireBytes.Capture(o => FuseReplyWriter.WriteXattrSize(o, 8, 300));
        Assert.Equal(16 + 8, sizeFrame.Length);
        FuseReply sizeReply = FuseReply.Parse(sizeFrame, new FuseReplyContext(FuseOpcode.Getxattr, 8, 0), FuseProtocol.Latest, FuseReplyStrictness.Strict);
        Assert.Equal(300u, sizeReply.GetArgument<FuseGetxattrOut>().Size);

        byte[] value = WireBytes.Pattern(300, 1);
        byte[] valueFrame = WireBytes.Capture(o => FuseReplyWriter.WriteData(o, 8, value));
        FuseReply valueReply = FuseReply.Parse(valueFrame, new FuseReplyContext(FuseOpcode.Getxattr, 8, 300), FuseProtocol.Latest, FuseReplyStrictness.Strict);
        Assert.True(valueReply.Argument.IsEmpty);
        Assert.Equal(value, valueReply.Data.ToArray());
        Assert.False(FuseReply.TryParse(valueFrame, new FuseReplyContext(FuseOpcode.Getxattr, 8, 299), FuseProtocol.Latest, FuseReplyStrictness.Strict, out _, out _));
    }
}
