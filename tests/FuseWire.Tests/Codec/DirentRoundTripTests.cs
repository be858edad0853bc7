using System;
using System.Linq;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>READDIR and READDIRPLUS records: packed by <see cref="FuseDirentWriter"/>, padded to 8, sent, parsed and enumerated back.</summary>
public sealed class DirentRoundTripTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Records_ArePaddedTo8_WithZeroPadding(bool plus)
    {
        int total = DirentSamples.Names.Sum(n => FuseDirentWriter.RecordSize(n.Length, plus));
        byte[] buffer = Enumerable.Repeat((byte)0xEE, total).ToArray();
        FuseDirentWriter writer = new(buffer, plus);
        int offset = 0;
        int nameOffset = plus ? 152 : 24;
        for (int i = 0; i < DirentSamples.Names.Length; i++)
        {
            byte[] name = DirentSamples.Names[i];
            (ulong ino, ulong off, uint type) = DirentSamples.Fields(i);
            Assert.True(writer.TryAdd(ino, off, type, name, DirentSamples.Entry(i)));
            int size = ((nameOffset + name.Length + 7) / 8) * 8;
            Assert.Equal(size, FuseDirentWriter.RecordSize(name.Length, plus));
            Assert.Equal(offset + size, writer.BytesWritten);
            Assert.Equal(name, buffer.AsSpan(offset + nameOffset, name.Length).ToArray());
            Assert.All(buffer.AsSpan(offset + nameOffset + name.Length, size - nameOffset - name.Length).ToArray(), b => Assert.Equal(0, b));
            offset += size;
        }

        Assert.Equal(0, offset % 8);
        Assert.Equal(total, writer.BytesWritten);
        Assert.Equal(buffer, writer.Written.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Listing_RoundTripsThroughAReply(bool plus)
    {
        byte[] records = DirentSamples.Listing(plus);
        FuseOpcode opcode = plus ? FuseOpcode.Readdirplus : FuseOpcode.Readdir;
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteData(o, 77, records));
        Assert.Equal(16 + records.Length, frame.Length);

        FuseReplyContext context = new(opcode, 77, (uint)records.Length);
        FuseReply reply = FuseReply.Parse(frame, context, FuseProtocol.Latest, FuseReplyStrictness.Strict);
        Assert.Equal(records, reply.Data.ToArray());
        Assert.True(reply.Argument.IsEmpty);
        DirentChecks.AssertListing(reply.EnumerateDirents(plus), plus);
        ReplyRoundTrip.AssertByteExact(frame, context, FuseProtocol.Latest);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ListingInPlace_WithWriteHeader_ParsesBack(bool plus)
    {
        byte[] records = DirentSamples.Listing(plus);
        byte[] frame = new byte[16 + records.Length];
        FuseDirentWriter writer = new(frame.AsSpan(16), plus);
        for (int i = 0; i < DirentSamples.Names.Length; i++)
        {
            (ulong ino, ulong off, uint type) = DirentSamples.Fields(i);
            Assert.True(writer.TryAdd(ino, off, type, DirentSamples.Names[i], DirentSamples.Entry(i)));
        }

        FuseReplyWriter.WriteHeader(frame.AsSpan(0, 16 + writer.BytesWritten), 78);
        FuseOpcode opcode = plus ? FuseOpcode.Readdirplus : FuseOpcode.Readdir;
        FuseReply reply = FuseReply.Parse(frame, new FuseReplyContext(opcode, 78, 1 << 16), FuseProtocol.Latest);
        Assert.Equal((uint)frame.Length, reply.Header.Len);
        Assert.Equal(records, reply.Data.ToArray());
        DirentChecks.AssertListing(reply.EnumerateDirents(plus), plus);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryAdd_WhenFull_ReturnsFalseAndLeavesTheBufferAsItWas(bool plus)
    {
        byte[][] names = DirentSamples.Names;
        int firstTwo = FuseDirentWriter.RecordSize(names[0].Length, plus) + FuseDirentWriter.RecordSize(names[1].Length, plus);
        int big = FuseDirentWriter.RecordSize(names[10].Length, plus);
        byte[] buffer = Enumerable.Repeat((byte)0x77, firstTwo + big - 1).ToArray();
        FuseDirentWriter writer = new(buffer, plus);
        Assert.True(writer.TryAdd(1, 1, 4, names[0], DirentSamples.Entry(0)));
        Assert.True(writer.TryAdd(2, 2, 4, names[1], DirentSamples.Entry(1)));
        byte[] before = (byte[])buffer.Clone();
        byte[] writtenBefore = writer.Written.ToArray();

        Assert.False(writer.TryAdd(3, 3, 4, names[10], DirentSamples.Entry(10)));
        Assert.Equal(firstTwo, writer.BytesWritten);
        Assert.Equal(writtenBefore, writer.Written.ToArray());
        Assert.Equal(before, buffer);

        Assert.True(writer.TryAdd(4, 4, 4, names[2], DirentSamples.Entry(2)));
        Assert.Equal(firstTwo + FuseDirentWriter.RecordSize(names[2].Length, plus), writer.BytesWritten);
        Assert.Equal(writtenBefore, writer.Written[..firstTwo].ToArray());
    }

    [Fact]
    public void TryAdd_OnAnEmptyBuffer_ReturnsFalse()
    {
        FuseDirentWriter writer = new(Span<byte>.Empty, false);
        Assert.False(writer.TryAdd(1, 1, 4, "a"u8));
        Assert.Equal(0, writer.BytesWritten);
        Assert.True(writer.Written.IsEmpty);
    }

    [Fact]
    public void TryAdd_RefusesInvalidNames()
    {
        byte[] buffer = new byte[4096];
        Assert.Throws<ArgumentException>(() => new FuseDirentWriter(buffer, false).TryAdd(1, 1, 4, ReadOnlySpan<byte>.Empty));
        Assert.Throws<ArgumentException>(() => new FuseDirentWriter(buffer, false).TryAdd(1, 1, 4, Enumerable.Repeat((byte)'x', 256).ToArray()));
        Assert.Throws<ArgumentException>(() => new FuseDirentWriter(buffer, false).TryAdd(1, 1, 4, "a/b"u8));
        Assert.Throws<ArgumentException>(() => new FuseDirentWriter(buffer, true).TryAdd(1, 1, 4, "a\0b"u8));
        Assert.All(buffer, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Listing_LongerThanRequested_WarnsWhenLenientAndFailsWhenStrict()
    {
        byte[] records = DirentSamples.Listing(false);
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteData(o, 9, records));
        FuseReplyContext context = new(FuseOpcode.Readdir, 9, (uint)records.Length - 8);
        Assert.True(FuseReply.TryParse(frame, context, FuseProtocol.Latest, FuseReplyStrictness.Lenient, out FuseReply reply, out FuseValidationResult lenient));
        Assert.True(lenient.HasWarning);
        Assert.Equal(FuseProtocolRule.PayloadTooLong, lenient.Warning.Rule);
        DirentChecks.AssertListing(reply.EnumerateDirents(false), false);
        Assert.False(FuseReply.TryParse(frame, context, FuseProtocol.Latest, FuseReplyStrictness.Strict, out _, out FuseValidationResult strict));
        Assert.Equal(FuseProtocolRule.PayloadTooLong, strict.Error.Rule);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CutListing_IsDirentMalformed(bool plus)
    {
        byte[] records = DirentSamples.Listing(plus);
        byte[] cut = records[..^8];
        byte[] frame = WireBytes.Capture(o => FuseReplyWriter.WriteData(o, 9, cut));
        FuseOpcode opcode = plus ? FuseOpcode.Readdirplus : FuseOpcode.Readdir;
        FuseProtocolException e = Assert.Throws<FuseProtocolException>(
            () => FuseReply.Parse(frame, new FuseReplyContext(opcode, 9, 1 << 16), FuseProtocol.Latest));
        Assert.Equal(FuseProtocolRule.DirentMalformed, e.Rule);
        Assert.True(e.Offset >= 16 && e.Offset < frame.Length);
    }
}
