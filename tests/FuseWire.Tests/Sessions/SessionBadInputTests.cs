using System;
using System.Collections.Generic;
using System.Linq;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Tests.Validation;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Sessions;

/// <summary>
/// The daemon side of docs/bad-input.md: each malformed request of the catalogue, sent to a running <see cref="FuseSession"/>,
/// gets the answer the catalogue's "Session handling" column gives (EIO, ENOSYS, or nothing where there is no unique to answer
/// or the opcode is never answered), is reported once with its rule, and the session goes on serving, losing nothing of the
/// requests in flight.
/// </summary>
public class SessionBadInputTests
{
    private const FuseInitFlags Offered = FuseInitFlags.InitExt | FuseInitFlags.SetxattrExt | FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages;

    /// <summary>The catalogue's request rows: row number, the frame, the rule reported, the errno answered (0: no answer).</summary>
    public static TheoryData<int, byte[], FuseProtocolRule, int> Rows => new()
    {
        { 1, FrameEdit.Cut(RequestFrames.Lookup(), 20), FuseProtocolRule.HeaderTruncated, 0 },
        { 4, FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.Len, 30), FuseProtocolRule.LengthBelowHeader, Errno.EIO },
        { 6, FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.Len, 60), FuseProtocolRule.LengthMismatch, Errno.EIO },
        { 9, FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.Len, int.MaxValue), FuseProtocolRule.LengthAboveMaximum, Errno.EIO },
        { 11, FrameEdit.SetUInt32(RequestFrames.Lookup(), FrameEdit.OpcodeOrError, 99), FuseProtocolRule.UnknownOpcode, Errno.ENOSYS },
        { 13, FrameEdit.CutAndFixLength(RequestFrames.Read(FuseProtocol.Latest), FuseInHeader.StructSize + 24), FuseProtocolRule.PayloadTooShort, Errno.EIO },
        { 23, FrameEdit.CutAndFixLength(RequestFrames.Lookup(), 49), FuseProtocolRule.NameNotTerminated, Errno.EIO },
        { 24, FrameEdit.CutAndFixLength(RequestFrames.Rename("old"u8, "new"u8), 52), FuseProtocolRule.NameNotTerminated, Errno.EIO },
        { 26, RequestFrames.Lookup(""u8), FuseProtocolRule.NameEmpty, Errno.EIO },
        { 28, RequestFrames.Lookup("a/b"u8), FuseProtocolRule.NameContainsSlash, Errno.EIO },
        { 31, RequestFrames.Lookup(RequestFrames.Bytes(256)), FuseProtocolRule.NameTooLong, Errno.EIO },
        { 32, RequestFrames.Symlink("l"u8, RequestFrames.Bytes(4096)), FuseProtocolRule.NameTooLong, Errno.EIO },
        { 34, FrameEdit.SetUInt32(RequestFrames.BatchForget(1), FuseInHeader.StructSize, 2), FuseProtocolRule.CountMismatch, 0 },
        { 35, FrameEdit.SetUInt32(RequestFrames.Setxattr("user.a"u8, "v"u8), FuseInHeader.StructSize, 100), FuseProtocolRule.CountMismatch, Errno.EIO },
        { 36, FrameEdit.SetUInt32(RequestFrames.WriteRequest(FuseProtocol.Latest, RequestFrames.Bytes(8)), FuseInHeader.StructSize + 16, 9), FuseProtocolRule.CountMismatch, Errno.EIO },
        { 37, FrameEdit.SetUInt32(RequestFrames.Ioctl(RequestFrames.Bytes(8)), FuseInHeader.StructSize + 24, 16), FuseProtocolRule.CountMismatch, Errno.EIO },
        { 39, FrameEdit.SetUInt16(RequestFrames.Lookup(), FrameEdit.TotalExtLen, 4), FuseProtocolRule.ExtensionMalformed, Errno.EIO },
        { 41, FrameEdit.SetUInt32(RequestFrames.Init(), FuseInHeader.StructSize, 8), FuseProtocolRule.UnsupportedVersion, Errno.EIO },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_malformed_request_gets_the_catalogue_answer_and_the_session_goes_on(int row, byte[] frame, FuseProtocolRule rule, int errno)
    {
        List<FuseProtocolError> reported = [];
        using SessionHarness harness = new(new RecordingFileSystem(), Reporting(reported));
        harness.Init(Offered);
        ulong unique = harness.NextUnique();
        SetUnique(frame, unique);

        harness.SendRaw(frame);
        ulong next = FollowWithGetattr(harness);

        byte[] first = harness.Receive();
        if (errno != 0)
        {
            FuseReply answer = FuseReply.Parse(first, new FuseReplyContext(FuseOpcode.Lookup, unique), harness.Session.Protocol);
            Assert.Equal(errno, answer.Errno);
            first = harness.Receive();
        }

        // Nothing else came first: the next frame answers the GETATTR sent after the bad one.
        Assert.False(FuseReply.Parse(first, new FuseReplyContext(FuseOpcode.Getattr, next), harness.Session.Protocol).IsError);
        lock (reported)
        {
            FuseProtocolError error = Assert.Single(reported);
            Assert.True(rule == error.Rule, $"row {row}: reported {error.Rule}, expected {rule}");
        }
    }

    [Fact]
    public void A_request_with_unique_0_is_reported_and_not_answered()
    {
        List<FuseProtocolError> reported = [];
        using SessionHarness harness = new(new RecordingFileSystem(), Reporting(reported));
        harness.Init(Offered);
        byte[] frame = FrameEdit.SetUInt64(RequestFrames.Lookup("a/b"u8), FrameEdit.Unique, 0);

        harness.SendRaw(frame);
        ulong next = FollowWithGetattr(harness);

        Assert.Equal(next, FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Getattr, next), harness.Session.Protocol).Unique);
        lock (reported)
        {
            Assert.Equal(FuseProtocolRule.NameContainsSlash, Assert.Single(reported).Rule);
        }
    }

    [Fact]
    public void An_init_with_another_major_is_answered_eio_and_the_session_does_not_start()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        ulong unique = harness.NextUnique();
        harness.SendRaw(SetUnique(FrameEdit.SetUInt32(RequestFrames.Init(), FuseInHeader.StructSize, 8), unique));

        Assert.Equal(Errno.EIO, FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Init, unique), FuseProtocol.Initial).Errno);
        Assert.False(harness.Session.IsInitialized);

        // A well-formed INIT afterwards still starts it.
        Assert.Equal(FuseConstants.KernelMinorVersion, harness.Init(Offered).Minor);
        Assert.True(harness.Session.IsInitialized);
    }

    [Fact]
    public void Every_catalogue_frame_in_a_row_loses_nothing_of_a_request_in_flight()
    {
        RecordingFileSystem fs = new();
        List<FuseProtocolError> reported = [];
        using SessionHarness harness = new(fs, Reporting(reported) with { Workers = 2 });
        harness.Init(Offered);

        // A READ that blocks in its handler until interrupted, on one worker, while the other meets every bad frame.
        ulong read = harness.NextUnique();
        harness.Send(FuseOpcode.Read, read, 2, harness.Session.Protocol, new FuseReadIn { Fh = 1, Size = 5 });
        Assert.True(fs.ReadStarted.Wait(TimeSpan.FromSeconds(10)), "the READ handler did not start");

        int answered = 0;
        foreach (object[] row in Rows.Cast<object[]>().Where(r => (int)r[0] != 41))
        {
            ulong unique = harness.NextUnique();
            harness.SendRaw(SetUnique(((byte[])row[1]).ToArray(), unique));
            if ((int)row[3] != 0)
            {
                FuseReply answer = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, unique), harness.Session.Protocol);
                Assert.Equal((int)row[3], answer.Errno);
                answered++;
            }
        }

        ulong lookup = harness.NextUnique();
        harness.SendNoArg(FuseOpcode.Lookup, lookup, 1, "f"u8);
        Assert.Equal(2ul, FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, lookup), harness.Session.Protocol).GetArgument<FuseEntryOut>().NodeId);

        // The READ is still in flight and answers once interrupted.
        harness.Send(FuseOpcode.Interrupt, harness.NextUnique(), 0, harness.Session.Protocol, new FuseInterruptIn { Unique = read });
        FuseReply readReply = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Read, read, 5), harness.Session.Protocol);
        Assert.Equal(Errno.EINTR, readReply.Errno);
        Assert.Equal(15, answered);
        lock (reported)
        {
            Assert.Equal(17, reported.Count);
        }
    }

    private static FuseSessionOptions Reporting(List<FuseProtocolError> reported) => new()
    {
        WantedFlags = FuseSessionOptions.DefaultFlags,
        OnProtocolError = e =>
        {
            lock (reported)
            {
                reported.Add(e);
            }
        },
    };

    private static ulong FollowWithGetattr(SessionHarness harness)
    {
        ulong next = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, next, 1, harness.Session.Protocol, new FuseGetattrIn());
        return next;
    }

    private static byte[] SetUnique(byte[] frame, ulong unique) =>
        frame.Length >= FuseInHeader.StructSize ? FrameEdit.SetUInt64(frame, FrameEdit.Unique, unique) : frame;
}
