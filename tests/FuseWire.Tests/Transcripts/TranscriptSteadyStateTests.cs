using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FuseWire.Sessions;
using FuseWire.Transcripts;
using Xunit;

namespace FuseWire.Tests.Transcripts;

/// <summary>Writing and reading allocate nothing per frame once warm; observers on several threads record whole frames in order.</summary>
public class TranscriptSteadyStateTests
{
    private static readonly byte[] Small = new byte[100];
    private static readonly byte[] Large = new byte[(128 * 1024) + 80];

    [Fact]
    public void Writing_frames_allocates_nothing_per_frame()
    {
        using FuseTranscriptWriter writer = new(Stream.Null);
        int id = writer.AddInterface("/mnt/steady");
        FuseFrameObserver observer = writer.CreateObserver(id);

        void Round()
        {
            writer.Write(id, FuseFrameDirection.Request, Small, 1);
            observer(Small, false);
            observer(Large, true);
        }

        Assert.Equal(0, SteadyState.LeastAllocated(Round, warmup: 100, rounds: 10_000));
    }

    [Fact]
    public void Reading_frames_allocates_nothing_per_frame()
    {
        MemoryStream file = new();
        using (FuseTranscriptWriter writer = new(file, leaveOpen: true))
        {
            int id = writer.AddInterface("/mnt/steady");
            for (int i = 0; i < 20_000; i++)
            {
                writer.Write(id, FuseFrameDirection.Request, Small, i);
                writer.Write(id, FuseFrameDirection.Reply, i % 10 == 0 ? Large : Small, i);
            }
        }

        using FuseTranscriptReader reader = new(new MemoryStream(file.ToArray()));
        long bytes = 0;
        long frames = 0;
        void Round()
        {
            Assert.True(reader.TryRead(out FuseTranscriptRecord record));
            bytes += record.Frame.Length;
            frames++;
        }

        Assert.Equal(0, SteadyState.LeastAllocated(Round, warmup: 200, rounds: 9_000));
        while (reader.TryRead(out FuseTranscriptRecord record))
        {
            bytes += record.Frame.Length;
            frames++;
        }

        Assert.Equal(40_000, frames);
        Assert.Equal((38_000L * Small.Length) + (2_000L * Large.Length), bytes);
    }

    [Fact]
    public void Observers_on_several_threads_record_every_frame_whole_with_timestamps_in_file_order()
    {
        MemoryStream file = new();
        const int Threads = 4;
        const int PerThread = 2_000;
        using (FuseTranscriptWriter writer = new(file, leaveOpen: true))
        {
            FuseFrameObserver[] observers = Enumerable.Range(0, Threads).Select(t => writer.CreateObserver(writer.AddInterface("t" + t))).ToArray();
            Thread[] threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                byte[] frame = new byte[16 + (t * 5000)];
                for (int i = 0; i < PerThread; i++)
                {
                    BitConverter.TryWriteBytes(frame, i);
                    frame[^1] = (byte)t;
                    observers[t](frame, i % 2 == 0);
                }
            })).ToArray();
            Array.ForEach(threads, t => t.Start());
            Assert.All(threads, t => Assert.True(t.Join(TimeSpan.FromSeconds(30)), "a writer thread did not finish within 30 s"));
        }

        List<TranscriptFrame> read = Transcript.ReadAll(file.ToArray());

        Assert.Equal(Threads * PerThread, read.Count);
        int[] next = new int[Threads];
        for (int r = 0; r < read.Count; r++)
        {
            TranscriptFrame frame = read[r];
            int t = frame.InterfaceId;
            Assert.Equal(16 + (t * 5000), frame.Frame.Length);
            Assert.Equal((byte)t, frame.Frame[^1]);
            Assert.Equal(next[t], BitConverter.ToInt32(frame.Frame));
            Assert.Equal(next[t] % 2 == 0 ? FuseFrameDirection.Request : FuseFrameDirection.Reply, frame.Direction);
            next[t]++;
            Assert.True(r == 0 || frame.TimestampNanoseconds >= read[r - 1].TimestampNanoseconds, "timestamps go backwards in the file");
        }
    }
}
