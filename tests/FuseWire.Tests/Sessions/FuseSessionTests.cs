using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Sessions;

public class FuseSessionTests
{
    private const FuseInitFlags Offered = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.PosixAcl
        | FuseInitFlags.InitExt | FuseInitFlags.SetxattrExt | FuseInitFlags.Passthrough | FuseInitFlags.DoReaddirplus;

    [Fact]
    public void Init_negotiates_the_smaller_minor_and_the_flags_both_sides_want()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        FuseInitOut reply = harness.Init(Offered);

        Assert.Equal(7u, reply.Major);
        Assert.Equal(45u, reply.Minor);
        Assert.Equal(FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.InitExt | FuseInitFlags.SetxattrExt, FuseProtocol.FlagsOf(reply));
        Assert.Equal(1u << 20, reply.MaxWrite);
        Assert.Equal(256, reply.MaxPages);
        Assert.Equal(128u * 1024, reply.MaxReadahead);
        Assert.True(harness.Session.IsInitialized);
        Assert.Equal(45u, harness.Session.Protocol.Minor);
        Assert.True(harness.Session.Protocol.Has(FuseInitFlags.SetxattrExt));
    }

    [Fact]
    public void Init_from_an_older_kernel_answers_its_minor_without_the_second_flag_word()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        FuseInitOut reply = harness.Init(FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites, minor: 31);

        Assert.Equal(31u, reply.Minor);
        Assert.Equal(0u, reply.Flags2);
        Assert.Equal(31u, harness.Session.Protocol.Minor);
    }

    [Fact]
    public void A_request_before_init_is_answered_eio()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        ulong unique = harness.NextUnique();
        harness.SendNoArg(FuseOpcode.Lookup, unique, 1, "f"u8);

        FuseReply reply = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, unique), FuseProtocol.Latest);
        Assert.Equal(Errno.EIO, reply.Errno);
    }

    [Fact]
    public void Lookup_reaches_the_file_system_and_its_entry_comes_back()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        harness.Init(Offered);
        ulong unique = harness.NextUnique();
        harness.SendNoArg(FuseOpcode.Lookup, unique, 1, "f"u8);

        FuseReply reply = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, unique), harness.Session.Protocol, FuseReplyStrictness.Strict);
        Assert.Equal(2ul, reply.GetArgument<FuseEntryOut>().NodeId);
        Assert.Equal(5ul, reply.GetArgument<FuseEntryOut>().Attr.Size);
    }

    [Fact]
    public void An_unknown_opcode_is_answered_enosys_and_the_loop_goes_on()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        harness.Init(Offered);
        byte[] frame = new byte[FuseInHeader.StructSize];
        ulong unknown = harness.NextUnique();
        FuseInHeader header = new() { Len = (uint)frame.Length, Opcode = (FuseOpcode)99, Unique = unknown, NodeId = 1 };
        MemoryMarshal.Write(frame, in header);
        harness.SendRaw(frame);
        FuseReply error = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Getattr, unknown), harness.Session.Protocol);
        Assert.Equal(Errno.ENOSYS, error.Errno);

        ulong next = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, next, 1, harness.Session.Protocol, new FuseGetattrIn());
        Assert.False(FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Getattr, next), harness.Session.Protocol).IsError);
    }

    [Fact]
    public void A_malformed_request_is_answered_eio_and_reported()
    {
        List<FuseProtocolError> errors = [];
        using SessionHarness harness = new(new RecordingFileSystem(), new FuseSessionOptions { OnProtocolError = e => { lock (errors) { errors.Add(e); } } });
        harness.Init(Offered);
        ulong unique = harness.NextUnique();
        byte[] frame = new byte[FuseInHeader.StructSize + 3];
        FuseInHeader header = new() { Len = (uint)frame.Length, Opcode = FuseOpcode.Lookup, Unique = unique, NodeId = 1 };
        MemoryMarshal.Write(frame, in header);
        "abc"u8.CopyTo(frame.AsSpan(FuseInHeader.StructSize));
        harness.SendRaw(frame);

        FuseReply reply = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, unique), harness.Session.Protocol);
        Assert.Equal(Errno.EIO, reply.Errno);
        lock (errors)
        {
            FuseProtocolError error = Assert.Single(errors);
            Assert.Equal(FuseProtocolRule.NameNotTerminated, error.Rule);
            Assert.Equal(unique, error.Unique);
        }
    }

    [Fact]
    public void An_unimplemented_operation_is_answered_enosys()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        harness.Init(Offered);
        ulong unique = harness.NextUnique();
        harness.Send(FuseOpcode.Mkdir, unique, 1, harness.Session.Protocol, new FuseMkdirIn { Mode = 0x1ED }, "d"u8);

        Assert.Equal(Errno.ENOSYS, FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Mkdir, unique), harness.Session.Protocol).Errno);
    }

    [Fact]
    public void Forget_and_batch_forget_reach_the_file_system_and_are_never_answered()
    {
        RecordingFileSystem fs = new();
        using SessionHarness harness = new(fs);
        harness.Init(Offered);
        harness.Send(FuseOpcode.Forget, harness.NextUnique(), 7, harness.Session.Protocol, new FuseForgetIn { NLookup = 3 });
        FuseForgetOne[] forgets = [new() { NodeId = 8, NLookup = 1 }, new() { NodeId = 9, NLookup = 2 }];
        harness.Send(FuseOpcode.BatchForget, harness.NextUnique(), 0, harness.Session.Protocol, new FuseBatchForgetIn { Count = 2 }, data: MemoryMarshal.AsBytes(forgets.AsSpan()));
        ulong getattr = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, getattr, 1, harness.Session.Protocol, new FuseGetattrIn());

        // The next frame is GETATTR's reply: nothing was sent for the forgets.
        Assert.Equal(getattr, FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Getattr, getattr), harness.Session.Protocol).Unique);
        Assert.Equal([(7ul, 3ul), (8ul, 1ul), (9ul, 2ul)], fs.Forgets.ToArray());
    }

    [Fact]
    public void A_handler_that_throws_is_answered_eio_and_the_loop_goes_on()
    {
        RecordingFileSystem fs = new() { ThrowOnLookup = true };
        List<Exception> thrown = [];
        using SessionHarness harness = new(fs, new FuseSessionOptions { OnHandlerException = e => { lock (thrown) { thrown.Add(e); } } });
        harness.Init(Offered);
        ulong unique = harness.NextUnique();
        harness.SendNoArg(FuseOpcode.Lookup, unique, 1, "f"u8);
        Assert.Equal(Errno.EIO, FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Lookup, unique), harness.Session.Protocol).Errno);

        ulong next = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, next, 1, harness.Session.Protocol, new FuseGetattrIn());
        Assert.False(FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Getattr, next), harness.Session.Protocol).IsError);
        lock (thrown)
        {
            Assert.IsType<InvalidOperationException>(Assert.Single(thrown));
        }
    }

    [Fact]
    public void Interrupt_reaches_the_request_it_names_and_the_handler_sees_the_cancellation()
    {
        RecordingFileSystem fs = new();
        using SessionHarness harness = new(fs, new FuseSessionOptions { Workers = 2 });
        harness.Init(Offered);
        ulong read = harness.NextUnique();
        harness.Send(FuseOpcode.Read, read, 2, harness.Session.Protocol, new FuseReadIn { Size = 5 });
        Assert.True(fs.ReadStarted.Wait(TimeSpan.FromSeconds(10)), "READ did not reach the handler");
        harness.Send(FuseOpcode.Interrupt, harness.NextUnique(), 0, harness.Session.Protocol, new FuseInterruptIn { Unique = read });

        FuseReply reply = FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Read, read, 5), harness.Session.Protocol);
        Assert.Equal(Errno.EINTR, reply.Errno);
    }

    [Fact]
    public void Destroy_calls_the_file_system_answers_and_ends_the_session()
    {
        RecordingFileSystem fs = new();
        using SessionHarness harness = new(fs);
        harness.Init(Offered);
        ulong unique = harness.NextUnique();
        harness.SendNoArg(FuseOpcode.Destroy, unique, 0);

        Assert.False(FuseReply.Parse(harness.Receive(), new FuseReplyContext(FuseOpcode.Destroy, unique), harness.Session.Protocol).IsError);
        Assert.True(harness.WaitForEnd(TimeSpan.FromSeconds(10)), "the session did not end after DESTROY");
        Assert.Equal(1, fs.Destroyed);
    }

    [Fact]
    public void Notifications_go_to_the_kernel_as_frames_with_unique_zero()
    {
        using SessionHarness harness = new(new RecordingFileSystem());
        harness.Init(Offered);
        Assert.Equal(0, harness.Session.NotifyInvalEntry(1, "f"u8));

        FuseNotification notification = FuseNotification.Parse(harness.Receive(), harness.Session.Protocol);
        Assert.Equal(FuseNotifyCode.InvalEntry, notification.Code);
        Assert.Equal("f"u8.ToArray(), notification.Name.ToArray());
        Assert.Equal(1ul, notification.GetArgument<FuseNotifyInvalEntryOut>().Parent);
    }

    [Fact]
    public void The_observer_sees_each_request_and_each_reply()
    {
        List<(FuseOpcode Opcode, bool FromKernel)> seen = [];
        FuseSessionOptions options = new()
        {
            Observer = (frame, fromKernel) =>
            {
                lock (seen)
                {
                    seen.Add((fromKernel ? MemoryMarshal.Read<FuseInHeader>(frame).Opcode : 0, fromKernel));
                }
            },
        };
        using SessionHarness harness = new(new RecordingFileSystem(), options);
        harness.Init(Offered);
        ulong unique = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, unique, 1, harness.Session.Protocol, new FuseGetattrIn());
        _ = harness.Receive();

        lock (seen)
        {
            Assert.Equal([(FuseOpcode.Init, true), (0, false), (FuseOpcode.Getattr, true), (0, false)], seen);
        }
    }

    [Fact]
    public void Serving_allocates_nothing_per_request_in_steady_state()
    {
        RecordingFileSystem fs = new();
        using SessionHarness harness = new(fs);
        harness.Init(Offered);
        ServeGetattrs(harness, 300);

        // Measured on the worker thread between the first and the last GETATTR of a window: the read, decode, dispatch, reply and
        // write of 199 requests. The JIT's tiering can allocate on that thread while it warms up (seen under load), so the steady
        // state is a window with no allocation at all; an allocation per request would show in every window.
        List<long> windows = [];
        for (int window = 0; window < 5; window++)
        {
            fs.GetattrCalls = 0;
            ServeGetattrs(harness, 200);
            Assert.Equal(200, fs.GetattrCalls);
            windows.Add(fs.AllocatedAtLastGetattr - fs.AllocatedAtFirstGetattr);
            if (windows[^1] == 0)
            {
                return;
            }
        }

        Assert.Fail("every window allocated on the worker thread: " + string.Join(", ", windows) + " bytes per 199 requests");
    }

    private static void ServeGetattrs(SessionHarness harness, int requests)
    {
        for (int i = 0; i < requests; i++)
        {
            ulong unique = harness.NextUnique();
            harness.Send(FuseOpcode.Getattr, unique, 1, harness.Session.Protocol, new FuseGetattrIn());
            _ = harness.Receive();
        }
    }
}
