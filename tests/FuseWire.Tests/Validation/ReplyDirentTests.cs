using System;
using System.Collections.Generic;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>
/// READDIR and READDIRPLUS replies whose records are malformed (DirentMalformed, at the offset of the record). A READDIR record for
/// "abc" is 32 bytes (24 + 3 padded); a READDIRPLUS record is 160 bytes (128 entry + 24 + 3 padded).
/// </summary>
public class ReplyDirentTests
{
    private const ulong U = ReplyFrames.Unique;

    private static FuseOpcode OpcodeOf(bool plus) => plus ? FuseOpcode.Readdirplus : FuseOpcode.Readdir;

    private static FuseReplyContext ContextOf(bool plus) => ReplyFrames.Context(OpcodeOf(plus), 4096);

    private static ExpectedError Malformed(bool plus, int offset) => new(FuseProtocolRule.DirentMalformed, OpcodeOf(plus), U, offset);

    private static int RecordSize(bool plus) => FuseDirentWriter.RecordSize(3, plus);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Valid_records_are_accepted_and_enumerated(bool plus)
    {
        byte[] frame = ReplyFrames.Dirents(plus, "abc", "a longer name", "z");

        Decode.AcceptReply(frame, ContextOf(plus), FuseProtocol.Latest);
        List<string> names = [];
        foreach (FuseDirentEntry entry in FuseReply.Parse(frame, ContextOf(plus), FuseProtocol.Latest).EnumerateDirents(plus))
        {
            names.Add(Encoding.UTF8.GetString(entry.Name));
        }

        Assert.Equal(["abc", "a longer name", "z"], names);
    }

    [Theory]
    [InlineData(false, 20u)]
    [InlineData(false, 9u)]
    [InlineData(true, 20u)]
    [InlineData(true, 9u)]
    public void Namelen_beyond_the_record_is_DirentMalformed(bool plus, uint namelen)
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Dirents(plus, "abc"), ReplyFrames.FirstNameLenOffset(plus), namelen);

        FuseProtocolError error = Decode.RejectReply(frame, ContextOf(plus), FuseProtocol.Latest, Malformed(plus, 16));

        Assert.Equal(RecordSize(plus), error.Expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Namelen_0_is_DirentMalformed(bool plus)
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Dirents(plus, "abc"), ReplyFrames.FirstNameLenOffset(plus), 0);

        Decode.RejectReply(frame, ContextOf(plus), FuseProtocol.Latest, Malformed(plus, 16));
    }

    [Theory]
    [InlineData(false, 256u)]
    [InlineData(false, uint.MaxValue)]
    [InlineData(true, 256u)]
    [InlineData(true, uint.MaxValue)]
    public void Namelen_above_255_is_DirentMalformed_even_when_the_bytes_are_there(bool plus, uint namelen)
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Dirents(plus, new string('n', 255), "second"), ReplyFrames.FirstNameLenOffset(plus), namelen);

        Decode.RejectReply(frame, ContextOf(plus), FuseProtocol.Latest, Malformed(plus, 16));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Name_with_a_slash_is_DirentMalformed(bool plus)
    {
        byte[] frame = FrameEdit.SetByte(ReplyFrames.Dirents(plus, "abc"), ReplyFrames.FirstNameOffset(plus) + 1, (byte)'/');

        Decode.RejectReply(frame, ContextOf(plus), FuseProtocol.Latest, Malformed(plus, 16));
    }

    [Theory]
    [InlineData(false, 20)]
    [InlineData(false, 28)]
    [InlineData(true, 100)]
    [InlineData(true, 156)]
    public void Record_cut_short_is_DirentMalformed(bool plus, int kept)
    {
        byte[] frame = FrameEdit.CutAndFixLength(ReplyFrames.Dirents(plus, "abc"), FuseOutHeader.StructSize + kept);

        FuseProtocolError error = Decode.RejectReply(frame, ContextOf(plus), FuseProtocol.Latest, Malformed(plus, 16));

        Assert.Equal(kept, error.Expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Malformed_second_record_is_reported_at_its_own_offset(bool plus)
    {
        byte[] frame = ReplyFrames.Dirents(plus, "abc", "def");
        FrameEdit.SetUInt32(frame, ReplyFrames.FirstNameLenOffset(plus) + RecordSize(plus), 0);

        Decode.RejectReply(frame, ContextOf(plus), FuseProtocol.Latest, Malformed(plus, 16 + RecordSize(plus)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Records_packed_without_their_padding_are_DirentMalformed_at_the_misaligned_record(bool plus)
    {
        // A daemon that forgets FUSE_DIRENT_ALIGN: "abc" is followed by the next record at once instead of after 5 zero bytes,
        // so the next record, read where it must start (8-aligned), is misaligned garbage.
        byte[] aligned = ReplyFrames.Dirents(plus, "abc", "defgh");
        int padding = RecordSize(plus) - ((plus ? FuseConstants.NameOffsetDirentplus : FuseConstants.NameOffset) + 3);
        int firstEnd = FuseOutHeader.StructSize + RecordSize(plus);
        byte[] packed = [.. aligned.AsSpan(0, firstEnd - padding), .. aligned.AsSpan(firstEnd)];
        FrameEdit.SetUInt32(packed, FrameEdit.Len, (uint)packed.Length);

        Decode.RejectReply(packed, ContextOf(plus), FuseProtocol.Latest, Malformed(plus, firstEnd));
    }

    [Fact]
    public void Readdir_records_read_as_readdirplus_are_DirentMalformed()
    {
        byte[] frame = ReplyFrames.Dirents(false, "abc");

        Decode.RejectReply(frame, ContextOf(true), FuseProtocol.Latest, Malformed(true, 16));
    }

    [Fact]
    public void Enumeration_of_an_unvalidated_malformed_payload_stops_without_throwing()
    {
        byte[] frame = FrameEdit.SetUInt32(ReplyFrames.Dirents(false, "abc", "def"), ReplyFrames.FirstNameLenOffset(false) + 32, 300);
        FuseReply reply = FuseReply.Parse(frame, ReplyFrames.Context(FuseOpcode.Read, 4096), FuseProtocol.Latest);
        int count = 0;
        foreach (FuseDirentEntry entry in reply.EnumerateDirents(false))
        {
            Assert.True(entry.Name.SequenceEqual("abc"u8));
            count++;
        }

        Assert.Equal(1, count);
    }
}
