using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Tests.Sessions;
using FuseWire.Transcripts;
using FuseWire.Transports;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Transcripts;

/// <summary>A real <see cref="FuseSession"/> over a socketpair, recorded with one option, read back frame for frame.</summary>
public class SessionRecordingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_session_recorded_through_its_observer_reads_back_as_the_frames_that_crossed()
    {
        MemoryStream file = new();
        List<(FuseFrameDirection Direction, byte[] Frame)> crossed = [];
        long before = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        (FuseSocketTransport kernel, FuseSocketTransport daemon) = FuseSocketTransport.CreatePair();
        using (daemon)
        using (FuseTranscriptWriter writer = new(file, leaveOpen: true))
        {
            int id = writer.AddInterface("/mnt/recorded");
            FuseSession session = new(daemon, new RecordingFileSystem(), new FuseSessionOptions { Observer = writer.CreateObserver(id) });
            Task running = session.RunAsync();
            byte[] buffer = new byte[1 << 16];
            try
            {
                FuseProtocol.Split(FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.InitExt, out uint low, out uint high);
                Exchange(kernel, buffer, crossed, FuseOpcode.Init, 1, 0, FuseProtocol.Initial, new FuseInitIn { Major = 7, Minor = 45, MaxReadahead = 1 << 17, Flags = low, Flags2 = high });
                Exchange(kernel, buffer, crossed, FuseOpcode.Lookup, 2, 1, session.Protocol, default(FuseGetattrIn), "f"u8);
                Exchange(kernel, buffer, crossed, FuseOpcode.Getattr, 3, 2, session.Protocol, new FuseGetattrIn());
                Exchange(kernel, buffer, crossed, FuseOpcode.Lookup, 4, 1, session.Protocol, default(FuseGetattrIn), "missing"u8);
            }
            finally
            {
                kernel.Dispose();
                Assert.True(Ended(running), "the session did not end within 10 s of the kernel's end closing");
            }
        }

        long after = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        List<TranscriptFrame> read = Transcript.ReadAll(new MemoryStream(file.ToArray()), null, out IReadOnlyList<FuseTranscriptInterface> interfaces);

        Assert.Equal("/mnt/recorded", Assert.Single(interfaces).Name);
        Assert.Equal(8, crossed.Count);
        Assert.Equal(crossed.Count, read.Count);
        for (int i = 0; i < crossed.Count; i++)
        {
            Assert.Equal(crossed[i].Direction, read[i].Direction);
            Assert.Equal(crossed[i].Frame, read[i].Frame);
            Assert.Equal(0, read[i].InterfaceId);
            Assert.InRange(read[i].TimestampNanoseconds, before - 1_000_000, after + 1_000_000);
            Assert.True(i == 0 || read[i].TimestampNanoseconds >= read[i - 1].TimestampNanoseconds, "timestamps go backwards");
        }

        // The transcript decodes: each request parses, each reply parses against its request.
        FuseRequest lookup = FuseRequest.Parse(read[2].Frame, FuseProtocol.Latest);
        Assert.Equal((FuseOpcode.Lookup, 2ul), (lookup.Opcode, lookup.Unique));
        Assert.Equal(Errno.ENOENT, FuseReply.Parse(read[7].Frame, new FuseReplyContext(FuseOpcode.Lookup, 4), FuseProtocol.Latest).Errno);
    }

    private static bool Ended(Task running) => running.Wait(Timeout);

    /// <summary>Sends one request as the kernel and reads its reply, noting both as they crossed.</summary>
    private static void Exchange<TArg>(FuseTransport kernel, byte[] buffer, List<(FuseFrameDirection, byte[])> crossed, FuseOpcode opcode, ulong unique, ulong nodeId, in FuseProtocol protocol, in TArg arg, ReadOnlySpan<byte> name = default)
        where TArg : unmanaged
    {
        ArrayBufferWriter<byte> output = new();
        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 42 };
        _ = FuseRequestWriter.Write(output, protocol, header, arg, name);

        Assert.Equal(0, kernel.Write(output.WrittenSpan));
        crossed.Add((FuseFrameDirection.Request, output.WrittenSpan.ToArray()));
        Task<int> read = Task.Run(() =>
        {
            Assert.Equal(FuseReadStatus.Frame, kernel.Read(buffer, out int length));
            return length;
        });
        Assert.True(read.Wait(Timeout), "no reply from the daemon within 10 s");
        crossed.Add((FuseFrameDirection.Reply, buffer.AsSpan(0, read.Result).ToArray()));
        _ = FuseReply.Parse(buffer.AsSpan(0, read.Result), new FuseReplyContext(opcode, unique), FuseProtocol.Latest, FuseReplyStrictness.Lenient);
    }
}
