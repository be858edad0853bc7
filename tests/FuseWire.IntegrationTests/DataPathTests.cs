using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading.Tasks;
using FuseWire.Abi;
using Microsoft.Win32.SafeHandles;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>Bulk data: a 100 MiB file at odd offsets, O_DIRECT, concurrent writers, copy_file_range, fio's verification.</summary>
[Collection(MemFsCollection.Name)]
public sealed class DataPathTests(MemFsFixture fixture)
{
    private const int LargeSize = 100 << 20;
    private readonly MemFsMount _fs = fixture.Mount;

    [SkippableFact]
    public void A_100_MiB_file_reads_back_at_odd_offsets()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string file = Path.Combine(_fs.NewDirectory("large"), "big.bin");
        byte[] expected = TestData.Bytes(LargeSize, seed: 100);
        Random random = new(101);
        using (FileStream stream = new(file, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0))
        {
            for (int offset = 0; offset < LargeSize; offset += 1 << 20)
            {
                stream.Write(expected, offset, 1 << 20);
            }

            // Overwrite ranges at odd offsets, some crossing 64 KiB chunk and 4 KiB page boundaries.
            for (int i = 0; i < 64; i++)
            {
                int offset = random.Next(LargeSize - 300_000);
                int length = random.Next(1, 300_000);
                random.NextBytes(expected.AsSpan(offset, length));
                stream.Position = offset;
                stream.Write(expected, offset, length);
            }
        }

        Assert.Equal(LargeSize, new FileInfo(file).Length);
        using (FileStream stream = new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0))
        {
            byte[] buffer = new byte[400_000];
            for (int i = 0; i < 200; i++)
            {
                int offset = i == 0 ? LargeSize - 7 : random.Next(LargeSize);
                int length = Math.Min(random.Next(1, buffer.Length), LargeSize - offset);
                stream.Position = offset;
                stream.ReadExactly(buffer, 0, length);
                Assert.True(buffer.AsSpan(0, length).SequenceEqual(expected.AsSpan(offset, length)), $"bytes differ at {offset}+{length}");
            }

            stream.Position = LargeSize;
            Assert.Equal(0, stream.Read(buffer, 0, 10));
            stream.Position = 0;
            Assert.Equal(SHA256.HashData(expected), SHA256.HashData(stream));
        }

        long before = _fs.FileSystem.AllocatedBytes;
        Assert.True(before >= LargeSize);
        File.Delete(file);
        Assert.True(MemFsMount.WaitUntil(() => _fs.FileSystem.AllocatedBytes <= before - LargeSize, TimeSpan.FromSeconds(10)), "the deleted file's memory was not released");
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Dd_with_O_DIRECT_writes_and_reads_back()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string scratch = Directory.CreateTempSubdirectory("fusewire-dd-").FullName;
        try
        {
            string source = Path.Combine(scratch, "source"), back = Path.Combine(scratch, "back");
            File.WriteAllBytes(source, TestData.Bytes(2 << 20, seed: 21));
            string target = Path.Combine(_fs.NewDirectory("direct"), "direct.bin");

            Shell.Check("dd", [$"if={source}", $"of={target}", "bs=64k", "oflag=direct", "status=none"]);
            Shell.Check("dd", [$"if={target}", $"of={back}", "bs=128k", "iflag=direct", "status=none"]);

            Assert.Equal(2 << 20, new FileInfo(target).Length);
            Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(back));
            Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(target));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Concurrent_writers_on_different_files_do_not_interfere()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("concurrent");
        const int writers = 4, size = 8 << 20, piece = 64 << 10;

        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            byte[] content = TestData.Bytes(size, seed: 1000 + w);
            using FileStream stream = new(Path.Combine(dir, $"w{w}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            for (int offset = 0; offset < size; offset += piece)
            {
                stream.Write(content, offset, piece);
            }
        });

        for (int w = 0; w < writers; w++)
        {
            Assert.Equal(TestData.Bytes(size, seed: 1000 + w), File.ReadAllBytes(Path.Combine(dir, $"w{w}")));
        }

        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Copy_file_range_copies_inside_the_mount()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("cfr");
        byte[] content = TestData.Bytes((3 << 20) + 5, seed: 33);
        File.WriteAllBytes(Path.Combine(dir, "a"), content);
        long before = _fs.RequestsOf(FuseOpcode.CopyFileRange) + _fs.RequestsOf(FuseOpcode.CopyFileRange64);

        const int length = (2 << 20) + 1;
        using (SafeFileHandle input = File.OpenHandle(Path.Combine(dir, "a")))
        using (SafeFileHandle output = File.OpenHandle(Path.Combine(dir, "b"), FileMode.CreateNew, FileAccess.Write))
        {
            long inputOffset = 1000, outputOffset = 7;
            while (outputOffset < 7 + length)
            {
                nint copied = NativeMethods.CopyFileRange(input, ref inputOffset, output, ref outputOffset, (nuint)(7 + length - outputOffset), 0);
                Assert.True(copied > 0, $"copy_file_range returned {copied}, errno {Marshal.GetLastPInvokeError()}");
            }
        }

        byte[] copy = File.ReadAllBytes(Path.Combine(dir, "b"));
        Assert.Equal(7 + length, copy.Length);
        Assert.True(copy.AsSpan(0, 7).IndexOfAnyExcept((byte)0) < 0);
        Assert.True(copy.AsSpan(7).SequenceEqual(content.AsSpan(1000, length)));
        Assert.True(_fs.RequestsOf(FuseOpcode.CopyFileRange) + _fs.RequestsOf(FuseOpcode.CopyFileRange64) > before, "the kernel did not send COPY_FILE_RANGE");

        Shell.Check("cp", [Path.Combine(dir, "a"), Path.Combine(dir, "c")]);
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(dir, "c")));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Fio_random_writes_verify_with_crc32c()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(Shell.Exists("fio"), "fio is not installed (run-tests.sh installs it)");
        string dir = _fs.NewDirectory("fio");

        ShellResult result = Shell.Run(
            "fio",
            ["--name=t", $"--directory={dir}", "--size=16m", "--bs=64k", "--rw=randwrite", "--verify=crc32c", "--direct=0", "--numjobs=2", "--group_reporting", "--verify_state_save=0"],
            TimeSpan.FromMinutes(3),
            workingDirectory: dir);

        Assert.True(result.ExitCode == 0, $"fio exited with {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        Assert.Contains("err= 0", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("verify:", result.StandardError, StringComparison.OrdinalIgnoreCase);
        _fs.AssertHealthy();
    }
}
