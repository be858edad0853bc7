using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Sessions;

/// <summary>
/// <see cref="FuseSessionOptions.SpinBeforeBlocking"/>: a session that polls before it sleeps serves requests as one that
/// sleeps at once, lets another worker read an INTERRUPT while one handler blocks, and stops polling once requests stop.
/// Also the workers' buffers, laid out so that a WRITE's data and a reply's data start a page.
/// </summary>
public class SessionSpinTests
{
    private const FuseInitFlags Offered = FuseInitFlags.InitExt | FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages;

    [Fact]
    public void A_negative_spin_is_refused()
    {
        (int first, int second) = SocketPair.Create();
        using FuseDevice daemon = FuseDevice.FromDescriptor(first);
        using FuseDevice kernel = FuseDevice.FromDescriptor(second);
        FuseSessionOptions options = new() { SpinBeforeBlocking = TimeSpan.FromTicks(-1) };

        Assert.Throws<ArgumentOutOfRangeException>(() => new FuseSession(daemon, new RecordingFileSystem(), options));
    }

    [Fact]
    public void A_polling_worker_finds_requests_that_follow_its_replies_without_sleeping()
    {
        using SessionHarness harness = new(new RecordingFileSystem(), new FuseSessionOptions { SpinBeforeBlocking = TimeSpan.FromMilliseconds(50) });
        harness.Init(Offered);

        // The next request follows each reply at once, from one thread, as a process stat()ing in a loop does: 200 of them, and
        // more (for up to 5 s) while polling has found none, which happens on a machine busy enough to keep polling paused.
        Exception? failed = null;
        int sent = 0;
        Stopwatch clock = Stopwatch.StartNew();
        Thread client = new(() =>
        {
            try
            {
                for (; sent < 200 || (harness.Session.PolledRequests == 0 && clock.Elapsed < TimeSpan.FromSeconds(5)); sent++)
                {
                    ulong unique = harness.NextUnique();
                    harness.Send(FuseOpcode.Getattr, unique, 1, harness.Session.Protocol, new FuseGetattrIn());
                    FuseReply reply = FuseReply.Parse(harness.ReceiveDirect(), new FuseReplyContext(FuseOpcode.Getattr, unique), harness.Session.Protocol);
                    Assert.Equal(1UL, reply.GetArgument<FuseAttrOut>().Attr.Ino);
                }
            }
            catch (Exception e)
            {
                failed = e;
            }
        });
        client.Start();
        Assert.True(client.Join(TimeSpan.FromSeconds(20)), "the GETATTR round trips did not end within 20 s");
        Assert.Null(failed);

        // Polling stops for a while whenever it is seen to hold a CPU another thread wants, so not every request is found by it.
        Assert.True(harness.Session.PolledRequests > 0, $"none of {sent} requests was found by polling");
        Assert.Equal(1 + sent, harness.Session.RequestCount);
    }

    [Fact]
    public void Two_callers_at_once_are_served_by_both_workers_and_neither_polls_until_both_have_answered()
    {
        RecordingFileSystem fs = new();
        using SessionHarness harness = new(fs, new FuseSessionOptions { Workers = 2, SpinBeforeBlocking = TimeSpan.FromMilliseconds(50) });
        harness.Init(Offered);

        // A READ that blocks until interrupted, then GETATTRs behind it, each sent as soon as the one before is answered: the
        // other worker must answer them while the READ still waits, without polling (another worker is handling a request),
        // and the INTERRUPT, read by the other worker too, must reach the READ.
        ulong read = harness.NextUnique();
        harness.Send(FuseOpcode.Read, read, 2, harness.Session.Protocol, new FuseReadIn { Size = 5 });
        Assert.True(fs.ReadStarted.Wait(TimeSpan.FromSeconds(10)), "READ did not reach the handler");
        long polledBefore = -1;
        long polledWhileBlocked = -1;
        SessionHarness.Bounded(TimeSpan.FromSeconds(20), () =>
        {
            // Counted from the first reply on: a poll that began before the READ was handled may have seen it (or this first
            // GETATTR) waiting, and the worker that polled counts it before it reads again.
            Assert.True(Getattr(harness));
            polledBefore = harness.Session.PolledRequests;
            for (int i = 1; i < 200; i++)
            {
                Assert.True(Getattr(harness));
            }

            polledWhileBlocked = harness.Session.PolledRequests - polledBefore;
            harness.Send(FuseOpcode.Interrupt, harness.NextUnique(), 0, harness.Session.Protocol, new FuseInterruptIn { Unique = read });
            FuseReply interrupted = FuseReply.Parse(harness.ReceiveDirect(), new FuseReplyContext(FuseOpcode.Read, read, 5), harness.Session.Protocol);
            Assert.Equal(Errno.EINTR, interrupted.Errno);

            // With the READ answered, the same round trips are found by polling again (for up to 5 s: a busy machine pauses it).
            Stopwatch clock = Stopwatch.StartNew();
            while (harness.Session.PolledRequests == polledBefore && clock.Elapsed < TimeSpan.FromSeconds(5))
            {
                Assert.True(Getattr(harness));
            }
        });

        Assert.Equal(0, polledWhileBlocked);
        Assert.True(harness.Session.PolledRequests > polledBefore, "polling did not resume once no request was being handled");
    }

    [Fact]
    public void An_idle_session_stops_polling_once_the_window_has_passed()
    {
        (int first, int second) = SocketPair.Create();
        using FuseDevice daemon = FuseDevice.FromDescriptor(first);
        using FuseDevice kernel = FuseDevice.FromDescriptor(second);
        FuseSession session = new(daemon, new RecordingFileSystem(), new FuseSessionOptions { SpinBeforeBlocking = TimeSpan.FromMilliseconds(5) });
        int serverThread = 0;
        Thread server = new(() =>
        {
            Volatile.Write(ref serverThread, gettid());
            session.Run();
        })
        {
            IsBackground = true,
            Name = "spin test server",
        };
        server.Start();
        try
        {
            byte[] buffer = new byte[1 << 17];
            FuseProtocol protocol = FuseProtocol.Initial;
            for (int i = 0; i < 100; i++)
            {
                ulong unique = 10 + (ulong)i;
                System.Buffers.ArrayBufferWriter<byte> output = new();
                FuseInHeader header = new() { Opcode = i == 0 ? FuseOpcode.Init : FuseOpcode.Getattr, Unique = unique, NodeId = 1 };
                if (i == 0)
                {
                    _ = FuseRequestWriter.Write(output, protocol, header, new FuseInitIn { Major = 7, Minor = 45, Flags = (uint)Offered });
                }
                else
                {
                    _ = FuseRequestWriter.Write(output, session.Protocol, header, new FuseGetattrIn());
                }

                Assert.Equal(0, kernel.Write(output.WrittenSpan));
                Assert.Equal(FuseReadStatus.Frame, kernel.Read(buffer, out _));
            }

            // Polling would keep the server's thread on a CPU; after the 5 ms window it must sleep in its read.
            Thread.Sleep(200);
            long before = ThreadCpuMilliseconds(serverThread);
            Thread.Sleep(1000);
            long used = ThreadCpuMilliseconds(serverThread) - before;
            Assert.True(used < 100, $"the idle server thread used {used} ms of CPU in 1 s");
        }
        finally
        {
            kernel.Dispose();
            Assert.True(server.Join(TimeSpan.FromSeconds(10)), "the session did not end within 10 s of the kernel's end closing");
        }
    }

    [Fact]
    public void A_write_payload_and_a_reply_payload_start_a_page()
    {
        PageProbeFileSystem fs = new();
        using SessionHarness harness = new(fs);
        harness.Init(Offered);
        byte[] data = new byte[3 * 4096];
        ulong write = harness.NextUnique();
        harness.Send(FuseOpcode.Write, write, 2, harness.Session.Protocol, new FuseWriteIn { Size = (uint)data.Length }, data: data);
        _ = harness.ReceiveReply(FuseOpcode.Write, write);
        ulong read = harness.NextUnique();
        harness.Send(FuseOpcode.Read, read, 2, harness.Session.Protocol, new FuseReadIn { Size = 8192 });
        byte[] reply = harness.ReceiveReply(FuseOpcode.Read, read, 8192);

        Assert.Equal(0, fs.WriteDataPageOffset);
        Assert.Equal(0, fs.ReadDataPageOffset);
        Assert.Equal(16 + 8192, reply.Length);
        Assert.Equal(0x5A, reply[16 + 8191]);
    }

    /// <summary>One GETATTR round trip of node 1, read straight off the socket so that the next request can follow at once;
    /// whether it was answered with node 1's attributes.</summary>
    private static bool Getattr(SessionHarness harness)
    {
        ulong unique = harness.NextUnique();
        harness.Send(FuseOpcode.Getattr, unique, 1, harness.Session.Protocol, new FuseGetattrIn());
        FuseReply reply = FuseReply.Parse(harness.ReceiveDirect(), new FuseReplyContext(FuseOpcode.Getattr, unique), harness.Session.Protocol);
        return !reply.IsError && reply.GetArgument<FuseAttrOut>().Attr.Ino == 1;
    }

    private static long ThreadCpuMilliseconds(int tid)
    {
        // /proc/self/task/TID/stat: utime and stime are fields 14 and 15, in clock ticks, after the parenthesised name.
        string stat = File.ReadAllText($"/proc/self/task/{tid.ToString(CultureInfo.InvariantCulture)}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000 / 100; // USER_HZ is 100 on Linux
    }

    /// <summary>Where, within its page, a span starts (native buffers do not move, so the address holds).</summary>
    private static long PageOffset(ReadOnlySpan<byte> span) =>
        (long)Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref MemoryMarshal.GetReference(span)) % 4096;

    [DllImport("libc")]
#pragma warning disable SYSLIB1054, CA5392 // a test-only import; LibraryImport needs unsafe code in this project
    private static extern int gettid();
#pragma warning restore SYSLIB1054, CA5392

    /// <summary>Records where, within its page, a WRITE's data and a READ's reply buffer start.</summary>
    private sealed class PageProbeFileSystem : FuseFileSystem
    {
        public long WriteDataPageOffset = -1;

        public long ReadDataPageOffset = -1;

        public override void Write(in FuseRequest request, in FuseWriteIn arg, ReadOnlySpan<byte> data, FuseReplySink reply)
        {
            WriteDataPageOffset = PageOffset(data);
            reply.Written((uint)data.Length);
        }

        public override void Read(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply)
        {
            Span<byte> buffer = reply.GetDataBuffer((int)arg.Size);
            ReadDataPageOffset = PageOffset(buffer);
            buffer.Fill(0x5A);
            reply.CommitData(buffer.Length);
        }
    }
}
