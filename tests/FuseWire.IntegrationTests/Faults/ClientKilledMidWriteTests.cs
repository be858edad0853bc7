using System;
using System.IO;
using System.Threading;
using Xunit;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>A writer SIGKILLed in the middle of a large overwrite leaves old or new bytes at every offset, never garbage.</summary>
public sealed class ClientKilledMidWriteTests
{
    private const int Block = 1 << 20;
    private const int Page = 4096;
    private const int Size = 64 * Block;

    [SkippableFact]
    public void A_writer_killed_mid_overwrite_leaves_each_block_old_or_new_and_the_mount_working()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        FaultFileSystem faults = new();
        using MemFsMount fs = new(fileSystem: faults);
        string file = fs.PathOf("victim.bin");
        byte[] before = TestData.Bytes(Size, seed: 61);
        byte[] after = TestData.Bytes(Size, seed: 62);
        File.WriteAllBytes(file, before);
        string scratch = Directory.CreateTempSubdirectory("fusewire-kill-").FullName;
        try
        {
            string source = Path.Combine(scratch, "new.bin");
            File.WriteAllBytes(source, after);

            // dd writes 1 MiB per write(2) (one 1 MiB FUSE WRITE, max_write being 1 MiB); the 33rd is held in the daemon
            // while dd is killed, so the kill lands in the middle of the file with a WRITE in flight.
            faults.GateWritesFrom(32L * Block);
            using (Child dd = Child.Start("dd", [$"if={source}", $"of={file}", "bs=1M", "conv=notrunc"]))
            {
                try
                {
                    Assert.True(faults.WriteHeld.Wait(TimeSpan.FromSeconds(30)), "dd's write never reached the middle of the file");
                    dd.Signal("KILL");
                }
                finally
                {
                    faults.ReleaseWrite.Set(); // dd cannot die before its WRITE is answered
                }

                Assert.True(dd.WaitForExit(TimeSpan.FromSeconds(30)), "dd did not die");
                Assert.Equal(128 + 9, dd.ExitCode);
            }

            Assert.True(faults.HeldWriteInterrupted, "the kernel sent no FUSE_INTERRUPT for the killed writer's WRITE");
            Assert.Equal(Size, new FileInfo(file).Length);

            // Through the page cache, and past it (O_DIRECT reads go to the daemon).
            int cached = NewPrefix(File.ReadAllBytes(file), before, after);
            string copy = Path.Combine(scratch, "direct.bin");
            Shell.Check("dd", [$"if={file}", $"of={copy}", "bs=1M", "iflag=direct", "status=none"]);
            int direct = NewPrefix(File.ReadAllBytes(copy), before, after);

            Assert.Equal(cached, direct);
            Assert.Equal(33 * Block, direct); // 32 blocks before the held one, and the held one, done in full
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        string other = fs.PathOf("after-the-kill");
        File.WriteAllBytes(other, TestData.Bytes(3 * Block + 5, seed: 63));
        Assert.Equal(TestData.Bytes(3 * Block + 5, seed: 63), File.ReadAllBytes(other));
        File.Delete(file);
        fs.AssertHealthy();
    }

    [SkippableTheory]
    [InlineData(false)] // through the page cache (write-through: MemFs does not ask for the writeback cache)
    [InlineData(true)] // O_DIRECT: FUSE's direct I/O path
    public void A_writer_killed_at_an_arbitrary_moment_leaves_every_page_old_or_new(bool direct)
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        FaultFileSystem faults = new();
        using MemFsMount fs = new(fileSystem: faults);
        string file = fs.PathOf("victim.bin");
        byte[] before = TestData.Bytes(Size, seed: 71);
        byte[] after = TestData.Bytes(Size, seed: 72);
        File.WriteAllBytes(file, before);
        string scratch = Directory.CreateTempSubdirectory("fusewire-kill-").FullName;
        try
        {
            string source = Path.Combine(scratch, "new.bin");
            File.WriteAllBytes(source, after);

            // WRITEs past 16 MiB take 20 ms each: the kill lands somewhere in the next second, between WRITEs or during one.
            faults.SlowWritesFrom(16L * Block, TimeSpan.FromMilliseconds(20));
            string[] arguments = [$"if={source}", $"of={file}", "bs=1M", "conv=notrunc", .. direct ? new[] { "oflag=direct" } : []];
            using (Child dd = Child.Start("dd", arguments))
            {
                Assert.True(faults.SlowWriteSeen.Wait(TimeSpan.FromSeconds(30)), "dd's write never reached 16 MiB");
                Thread.Sleep(Random.Shared.Next(200));
                dd.Signal("KILL");
                Assert.True(dd.WaitForExit(TimeSpan.FromSeconds(30)), "dd did not die");
                Assert.Equal(128 + 9, dd.ExitCode);
            }

            Assert.Equal(Size, new FileInfo(file).Length);
            int cached = NewPrefix(File.ReadAllBytes(file), before, after);
            string copy = Path.Combine(scratch, "direct.bin");
            Shell.Check("dd", [$"if={file}", $"of={copy}", "bs=1M", "iflag=direct", "status=none"]);
            int uncached = NewPrefix(File.ReadAllBytes(copy), before, after);

            Assert.Equal(cached, uncached);
            Assert.InRange(uncached, 16 * Block, Size - Block);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        File.Delete(file);
        File.WriteAllText(fs.PathOf("after-the-kill"), "fine");
        Assert.Equal("fine", File.ReadAllText(fs.PathOf("after-the-kill")));
        fs.AssertHealthy();
    }

    /// <summary>
    /// Checks that every 4 KiB page of <paramref name="actual"/> is wholly the old or wholly the new version and that the
    /// new pages form a prefix (dd writes in order, each WRITE applied whole); returns the prefix's length.
    /// </summary>
    private static int NewPrefix(byte[] actual, byte[] before, byte[] after)
    {
        Assert.Equal(before.Length, actual.Length);
        int prefix = -1;
        for (int offset = 0; offset < actual.Length; offset += Page)
        {
            ReadOnlySpan<byte> page = actual.AsSpan(offset, Page);
            bool isNew = page.SequenceEqual(after.AsSpan(offset, Page));
            Assert.True(isNew || page.SequenceEqual(before.AsSpan(offset, Page)), $"the page at {offset} holds neither version");
            Assert.False(isNew && prefix >= 0, $"the page at {offset} is new after an old page at {prefix}");
            if (!isNew && prefix < 0)
            {
                prefix = offset;
            }
        }

        return prefix < 0 ? actual.Length : prefix;
    }
}
