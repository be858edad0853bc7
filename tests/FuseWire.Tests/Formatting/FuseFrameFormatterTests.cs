using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Formatting;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Formatting;

/// <summary>Exact renderings of frames, and coverage of every opcode and notify code.</summary>
public sealed class FuseFrameFormatterTests
{
    public static TheoryData<FuseOpcode> Opcodes => [.. Enum.GetValues<FuseOpcode>()];

    public static TheoryData<FuseOpcode> RepliedOpcodes => [.. SampleReplies.RepliedOpcodes()];

    [Fact]
    public void Lookup_renders_opcode_unique_nodeid_and_quoted_name()
    {
        ArrayBufferWriter<byte> output = new();
        FuseRequestWriter.WriteLookup(output, new FuseInHeader { Unique = 4, NodeId = 1, Uid = 1000, Gid = 1000, Pid = 77 }, "foo"u8);

        string line = FuseFrameFormatter.FormatRequest(FuseRequest.Parse(output.WrittenSpan, FuseProtocol.Latest));

        Assert.Equal("LOOKUP unique=4 nodeid=1 name=\"foo\"", line);
    }

    [Fact]
    public void Read_renders_its_fields_by_kernel_names()
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = FuseOpcode.Read, Unique = 7, NodeId = 2 };
        FuseRequestWriter.Write(output, FuseProtocol.Latest, header, new FuseReadIn { Fh = 1, Offset = 0, Size = 4096, Flags = 0x8000 });

        string line = FuseFrameFormatter.FormatRequest(output.WrittenSpan, FuseProtocol.Latest);

        Assert.Equal("READ unique=7 nodeid=2 fh=1 offset=0 size=4096 read_flags=0 lock_owner=0x0 flags=0x8000", line);
    }

    [Fact]
    public void Write_shows_the_size_of_its_data_not_the_data()
    {
        string line = FuseFrameFormatter.FormatRequest(SampleRequests.For(FuseOpcode.Write), FuseProtocol.Latest);

        Assert.EndsWith(" size=5 write_flags=CACHE lock_owner=0x0 flags=0x8001 data=<5 bytes>", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hello", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Enoent_error_reply_renders_the_errno_name()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteError(output, 5, Errno.ENOENT);
        FuseReplyContext context = new(FuseOpcode.Lookup, 5);

        string line = FuseFrameFormatter.FormatReply(FuseReply.Parse(output.WrittenSpan, context, FuseProtocol.Latest), context);

        Assert.Equal("reply unique=5 error=-ENOENT", line);
    }

    [Fact]
    public void Error_without_a_name_renders_the_number()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteError(output, 5, 41);

        string line = FuseFrameFormatter.FormatReply(output.WrittenSpan, new FuseReplyContext(FuseOpcode.Open, 5), FuseProtocol.Latest);

        Assert.Equal("reply unique=5 error=-41", line);
    }

    [Fact]
    public void Empty_reply_renders_ok()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteEmpty(output, 9);

        string line = FuseFrameFormatter.FormatReply(output.WrittenSpan, new FuseReplyContext(FuseOpcode.Release, 9), FuseProtocol.Latest);

        Assert.Equal("reply unique=9 ok", line);
    }

    [Fact]
    public void Inval_entry_renders_parent_and_name()
    {
        ArrayBufferWriter<byte> output = new();
        FuseNotificationWriter.WriteInvalEntry(output, 1, "foo"u8);

        string line = FuseFrameFormatter.FormatNotification(FuseNotification.Parse(output.WrittenSpan, FuseProtocol.Latest));

        Assert.Equal("notify INVAL_ENTRY parent=1 name=\"foo\"", line);
    }

    [Fact]
    public void Inval_entry_shows_its_flags_only_when_set()
    {
        ArrayBufferWriter<byte> output = new();
        FuseNotificationWriter.WriteInvalEntry(output, 1, "foo"u8, FuseExpireFlags.ExpireOnly);

        string line = FuseFrameFormatter.FormatNotification(output.WrittenSpan, FuseProtocol.Latest);

        Assert.Equal("notify INVAL_ENTRY parent=1 name=\"foo\" flags=EXPIRE_ONLY", line);
    }

    [Theory]
    [MemberData(nameof(Opcodes))]
    public void Every_opcode_renders_its_argument_without_fallback(FuseOpcode opcode)
    {
        string line = FuseFrameFormatter.FormatRequest(SampleRequests.For(opcode), FuseProtocol.Latest);

        Assert.StartsWith(FuseNames.TryGetOpcodeName(opcode) + " unique=" + SampleRequests.UniqueOf(opcode) + " nodeid=", line, StringComparison.Ordinal);
        Assert.DoesNotContain("OPCODE(", line, StringComparison.Ordinal);
        Assert.DoesNotContain("arg=<", line, StringComparison.Ordinal);
        Assert.DoesNotContain("?", line, StringComparison.Ordinal);
        Assert.DoesNotContain("malformed", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Opcodes))]
    public void Every_opcode_with_an_argument_shows_fields_after_the_header(FuseOpcode opcode)
    {
        byte[] frame = SampleRequests.For(opcode);
        FuseRequest request = FuseRequest.Parse(frame, FuseProtocol.Latest);
        bool hasContent = !request.Argument.IsEmpty || !request.Name.IsEmpty || !request.Data.IsEmpty;
        bool onlyPadding = opcode == FuseOpcode.Syncfs;

        string line = FuseFrameFormatter.FormatRequest(request);
        string afterHeader = line[(line.IndexOf(" nodeid=", StringComparison.Ordinal) + 1)..];

        Assert.Equal(hasContent && !onlyPadding, afterHeader.Contains(' ', StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RepliedOpcodes))]
    public void Every_reply_with_a_payload_renders_a_kind_other_than_ok(FuseOpcode opcode)
    {
        SampleReply sample = SampleReplies.For(opcode);
        FuseReply reply = FuseReply.Parse(sample.Frame, sample.Context, FuseProtocol.Latest, FuseReplyStrictness.Strict);

        string line = FuseFrameFormatter.FormatReply(reply, sample.Context);

        Assert.StartsWith("reply unique=" + sample.Context.Unique + " ", line, StringComparison.Ordinal);
        Assert.Equal(sample.Frame.Length == FuseOutHeader.StructSize, line.EndsWith(" ok", StringComparison.Ordinal));
        Assert.DoesNotContain("extra=", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_are_quoted_with_quotes_backslashes_and_non_printable_bytes_escaped()
    {
        ArrayBufferWriter<byte> output = new();
        FuseRequestWriter.WriteLookup(output, new FuseInHeader { Unique = 4, NodeId = 1 }, "a\"b\\c\nd\u00e9"u8);

        string line = FuseFrameFormatter.FormatRequest(output.WrittenSpan, FuseProtocol.Latest);

        Assert.Equal("LOOKUP unique=4 nodeid=1 name=\"a\\\"b\\\\c\\x0ad\\xc3\\xa9\"", line);
    }

    [Fact]
    public void Init_flags_render_by_kernel_names_with_unknown_bits_in_hex()
    {
        ArrayBufferWriter<byte> output = new();
        ulong flags = (ulong)(FuseInitFlags.AsyncRead | FuseInitFlags.AtomicOTrunc | FuseInitFlags.HandleKillprivV2 | FuseInitFlags.InitExt | FuseInitFlags.RequestTimeout) | (1UL << 50);
        FuseInHeader header = new() { Opcode = FuseOpcode.Init, Unique = 1 };
        FuseRequestWriter.Write(output, FuseProtocol.Latest, header, new FuseInitIn { Major = 7, Minor = 45, MaxReadahead = 4096, Flags = (uint)flags, Flags2 = (uint)(flags >> 32) });

        string line = FuseFrameFormatter.FormatRequest(output.WrittenSpan, FuseProtocol.Latest);

        Assert.Equal("INIT unique=1 nodeid=0 version=7.45 max_readahead=4096 flags=ASYNC_READ|ATOMIC_O_TRUNC|HANDLE_KILLPRIV_V2|INIT_EXT|REQUEST_TIMEOUT|0x4000000000000", line);
    }

    [Fact]
    public void Init_reply_of_an_old_minor_shows_only_the_fields_it_carries()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteInit(output, 1, new FuseInitOut { Major = 7, Minor = 22, MaxReadahead = 65536, Flags = 1, MaxWrite = 4096, TimeGran = 1 });
        FuseReplyContext context = new(FuseOpcode.Init, 1);

        string line = FuseFrameFormatter.FormatReply(output.WrittenSpan, context, FuseProtocol.Latest.WithMinor(22));

        Assert.Equal("reply unique=1 INIT version=7.22 max_readahead=65536 flags=ASYNC_READ max_background=0 congestion_threshold=0 max_write=4096", line);
    }

    [Fact]
    public void Entry_reply_of_minor_8_zero_extends_the_short_struct()
    {
        ArrayBufferWriter<byte> output = new();
        FuseProtocol old = FuseProtocol.Latest.WithMinor(8);
        FuseReplyWriter.WriteEntry(output, old, 3, SampleReplies.Entry);
        FuseReplyContext context = new(FuseOpcode.Lookup, 3);

        string line = FuseFrameFormatter.FormatReply(output.WrittenSpan, context, old);

        Assert.StartsWith("reply unique=3 ENTRY nodeid=2 generation=1 entry_valid=1.000000000 attr_valid=1.500000000 attr={ino=2 mode=0100644 ", line, StringComparison.Ordinal);
        Assert.EndsWith(" blksize=0 atime=1700000000.123456789 mtime=1700000100.000000000 ctime=1700000200.000000001 flags=0}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_forget_lists_the_first_eight_then_an_ellipsis()
    {
        string line = FuseFrameFormatter.FormatRequest(SampleRequests.For(FuseOpcode.BatchForget), FuseProtocol.Latest);

        Assert.Equal(8, line.Split("{nodeid=").Length - 1);
        Assert.EndsWith("{nodeid=9 nlookup=2} ...]", line, StringComparison.Ordinal);
        Assert.Contains(" count=10 ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Readdir_reply_counts_all_entries_and_names_the_first_eight()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteData(output, 28, SampleReplies.Dirents(plus: false, count: 10));
        FuseReplyContext context = new(FuseOpcode.Readdir, 28, 4096);

        string line = FuseFrameFormatter.FormatReply(output.WrittenSpan, context, FuseProtocol.Latest);

        Assert.Equal("reply unique=28 DIRENTS count=10 names=[\".\" \"..\" \"foo\" \"bar\" \"baz\" \"qux\" \"quux\" \"corge\" ...]", line);
    }

    [Fact]
    public void Long_reply_accepted_leniently_shows_its_extra_bytes()
    {
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteData(output, 9, new byte[3]);
        FuseReplyContext context = new(FuseOpcode.Release, 9);

        string line = FuseFrameFormatter.FormatReply(output.WrittenSpan, context, FuseProtocol.Latest);

        Assert.Equal("reply unique=9 ok extra=<3 bytes>", line);
    }

    [Fact]
    public void Malformed_request_renders_the_rule_and_offset_without_throwing()
    {
        byte[] frame = SampleRequests.For(FuseOpcode.Lookup);

        Assert.Equal("<malformed request: HeaderTruncated at offset 0>", FuseFrameFormatter.FormatRequest(frame.AsSpan(0, 10), FuseProtocol.Latest));
        frame[^1] = (byte)'x';
        Assert.Equal("<malformed request: NameNotTerminated at offset 40>", FuseFrameFormatter.FormatRequest(frame, FuseProtocol.Latest));
    }

    [Fact]
    public void Malformed_reply_and_notification_render_the_rule_without_throwing()
    {
        byte[] reply = [.. SampleReplies.For(FuseOpcode.Open).Frame];
        reply[4] = 0xfe; // error -2 with a payload
        reply[5] = 0xff;
        reply[6] = 0xff;
        reply[7] = 0xff;
        byte[] notification = SampleNotifications.For(FuseNotifyCode.Resend);
        notification[4] = 99;

        Assert.Equal("<malformed reply: ErrorWithPayload at offset 16>", FuseFrameFormatter.FormatReply(reply, new FuseReplyContext(FuseOpcode.Open, SampleRequests.UniqueOf(FuseOpcode.Open)), FuseProtocol.Latest));
        Assert.Equal("<malformed notification: UnknownNotifyCode at offset 4>", FuseFrameFormatter.FormatNotification(notification, FuseProtocol.Latest));
    }

    [Fact]
    public void Every_notify_code_renders_by_name()
    {
        foreach (FuseNotifyCode code in Enum.GetValues<FuseNotifyCode>())
        {
            string line = FuseFrameFormatter.FormatNotification(SampleNotifications.For(code), FuseProtocol.Latest);

            Assert.StartsWith("notify " + FuseNames.TryGetNotifyName(code), line, StringComparison.Ordinal);
            Assert.DoesNotContain("code=", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_summarises_its_security_context_extension()
    {
        string line = FuseFrameFormatter.FormatRequest(SampleRequests.For(FuseOpcode.Create), FuseProtocol.Latest);

        Assert.EndsWith(" name=\"new.txt\" secctx=[{name=\"security.selinux\" value=\"u:object_r:tmp_t:s0\\x00\"}]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Mkdir_summarises_its_supplementary_groups_extension()
    {
        string line = FuseFrameFormatter.FormatRequest(SampleRequests.MkdirWithGroups(), FuseProtocol.Latest);

        Assert.Equal("MKDIR unique=109 nodeid=1 mode=040755 umask=022 name=\"shared\" groups=[27]", line);
    }

    [Fact]
    public void Setattr_shows_only_the_fields_its_valid_mask_names()
    {
        string line = FuseFrameFormatter.FormatRequest(SampleRequests.For(FuseOpcode.Setattr), FuseProtocol.Latest);

        Assert.Equal("SETATTR unique=104 nodeid=2 valid=MODE|SIZE|MTIME|FH fh=1 mode=0100755 size=12 mtime=1700000000.000000005", line);
    }

    [Fact]
    public void Every_line_is_a_single_line()
    {
        IEnumerable<string> lines = Enum.GetValues<FuseOpcode>()
            .Select(op => FuseFrameFormatter.FormatRequest(SampleRequests.For(op), FuseProtocol.Latest));

        Assert.All(lines, line => Assert.DoesNotContain('\n', line));
    }
}
