using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Fuzzing;
using FuseWire.Protocol;
using FuseWire.Sessions;
using MemFs;
using Xunit;

namespace FuseWire.Tests.Fuzzing;

/// <summary>What the session fuzz target found, each fixed and pinned here (the inputs are in fuzz/corpus/regressions/session).</summary>
public sealed class SessionFindingsTests
{
    private static readonly FuseProtocol Latest = SeedFrames.Protocol(45);

    [Fact]
    public void ARequestWithUniqueZeroIsNotAnswered()
    {
        // Answering it wrote a frame with unique 0, which the kernel reads as a notification whose code is the errno.
        List<(ulong Unique, int Error)> replies = Serve(
            out _,
            SeedFrames.Request(Latest, FuseOpcode.Init, 1),
            SeedFrames.Request(Latest, FuseOpcode.Getattr, 0),
            SeedFrames.Request(Latest, FuseOpcode.Lookup, 0),
            SeedFrames.Request(Latest, FuseOpcode.Getattr, 3));
        Assert.Equal([1UL, 3UL], replies.ConvertAll(r => r.Unique));
    }

    [Fact]
    public void ForgetsAndNotifyRepliesBeforeInitAreNotAnswered()
    {
        // Before INIT every request was answered EIO, FORGET, BATCH_FORGET and NOTIFY_REPLY included, which never get a reply.
        List<(ulong Unique, int Error)> replies = Serve(
            out _,
            SeedFrames.Request(Latest, FuseOpcode.Forget, 4),
            SeedFrames.Request(Latest, FuseOpcode.BatchForget, 5),
            SeedFrames.Request(Latest, FuseOpcode.NotifyReply, 6),
            SeedFrames.Request(Latest, FuseOpcode.Getattr, 7),
            SeedFrames.Request(Latest, FuseOpcode.Init, 8));
        Assert.Equal([(7UL, -Errno.EIO), (8UL, 0)], replies);
    }

    [Fact]
    public void CopyingASparseFileAllocatesNothing()
    {
        // A 96-byte COPY_FILE_RANGE from a sparse file made MemFs allocate 4 GiB of zero chunks.
        List<(ulong Unique, int Error)> replies = Serve(
            out MemFileSystem fs,
            SeedFrames.Request(Latest, FuseOpcode.Init, 1),
            Create(2, "a"),
            Truncate(3, node: 2, size: 1L << 30),
            CopyFileRange(4, node: 2, fh: 1, offIn: 0, offOut: 1L << 31, length: 1L << 30));
        Assert.All(replies, r => Assert.Equal(0, r.Error));
        Assert.Equal(0, fs.AllocatedBytes);
    }

    [Fact]
    public void CopyingOverlappingRangesOfOneFileIsInvalid()
    {
        List<(ulong Unique, int Error)> replies = Serve(
            out _,
            SeedFrames.Request(Latest, FuseOpcode.Init, 1),
            Create(2, "a"),
            Truncate(3, node: 2, size: 1L << 20),
            CopyFileRange(4, node: 2, fh: 1, offIn: 0, offOut: 4096, length: 1L << 20),
            CopyFileRange(5, node: 2, fh: 1, offIn: 0, offOut: 1L << 20, length: 1L << 20));
        Assert.Equal([(4UL, -Errno.EINVAL), (5UL, 0)], replies.GetRange(3, 2));
    }

    [Fact]
    public void TheKeptRegressionsPassTheSessionTarget()
    {
        foreach (string file in FuzzCorpus.Files("session"))
        {
            SessionTarget.Run(System.IO.File.ReadAllBytes(file));
        }
    }

    private static List<(ulong Unique, int Error)> Serve(out MemFileSystem fs, params byte[][] frames)
    {
        List<(ulong, int)> replies = [];
        using FrameTransport transport = new(SessionFrames.Frame(frames));
        fs = new MemFileSystem(new MemFileSystemOptions { RootUid = 0, RootGid = 0 });
        FuseSession session = new(transport, fs, new FuseSessionOptions
        {
            Observer = (frame, fromKernel) =>
            {
                if (!fromKernel)
                {
                    replies.Add((BinaryPrimitives.ReadUInt64LittleEndian(frame[8..]), BinaryPrimitives.ReadInt32LittleEndian(frame[4..])));
                }
            },
        });
        transport.Session = session;
        session.Run();
        Assert.Null(transport.Failure);
        return replies;
    }

    private static byte[] Create(ulong unique, string name)
    {
        FuseCreateIn arg = new() { Flags = 2, Mode = 0x81A4 };
        return Write(new FuseInHeader { Opcode = FuseOpcode.Create, Unique = unique, NodeId = FuseConstants.RootId }, arg, System.Text.Encoding.ASCII.GetBytes(name));
    }

    private static byte[] Truncate(ulong unique, ulong node, long size)
    {
        FuseSetattrIn arg = new() { Valid = (uint)FattrFlags.Size, Size = (ulong)size };
        return Write(new FuseInHeader { Opcode = FuseOpcode.Setattr, Unique = unique, NodeId = node }, arg);
    }

    private static byte[] CopyFileRange(ulong unique, ulong node, ulong fh, long offIn, long offOut, long length)
    {
        FuseCopyFileRangeIn arg = new() { FhIn = fh, OffIn = (ulong)offIn, NodeIdOut = node, FhOut = fh, OffOut = (ulong)offOut, Len = (ulong)length };
        return Write(new FuseInHeader { Opcode = FuseOpcode.CopyFileRange, Unique = unique, NodeId = node }, arg);
    }

    private static byte[] Write<T>(FuseInHeader header, T arg, byte[]? name = null)
        where T : unmanaged
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseRequestWriter.Write(output, Latest, header, arg, name ?? default(ReadOnlySpan<byte>));
        return output.WrittenSpan.ToArray();
    }
}
