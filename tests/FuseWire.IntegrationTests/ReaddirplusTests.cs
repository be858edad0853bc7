using System;
using System.Globalization;
using System.IO;
using System.Linq;
using FuseWire.Abi;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>
/// Listing files the kernel has never seen: whether it asks READDIRPLUS (each real child then counts one lookup) or READDIR
/// followed by LOOKUPs (some kernels, 6.18 among them, send READDIR even with DO_READDIRPLUS negotiated), each file ends up
/// with exactly one lookup, since names and attributes stay cached for an hour.
/// </summary>
public sealed class ReaddirplusTests(ReaddirplusFixture fixture) : IClassFixture<ReaddirplusFixture>
{
    private readonly MemFsMount _fs = fixture.Mount;

    [SkippableFact]
    public void Ls_l_of_files_the_kernel_never_saw_counts_one_lookup_per_entry()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("plus");
        string relative = Path.GetRelativePath(_fs.MountPoint, dir);
        const int count = 300;
        for (int i = 0; i < count; i++)
        {
            _fs.FileSystem.CreateFileBehindKernel($"{relative}/file-{i:D3}", new byte[i]);
        }

        long listings = _fs.RequestsOf(FuseOpcode.Readdirplus) + _fs.RequestsOf(FuseOpcode.Readdir);

        string[] lines = Shell.Check("ls", ["-ln", dir]).Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];

        Assert.Equal(count, lines.Length);
        for (int i = 0; i < count; i++)
        {
            string[] fields = lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"file-{i:D3}", fields[^1]);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), fields[4]);
            Assert.StartsWith("-rw-r--r--", fields[0], StringComparison.Ordinal);
        }

        Assert.True(_fs.RequestsOf(FuseOpcode.Readdirplus) + _fs.RequestsOf(FuseOpcode.Readdir) > listings);
        for (int i = 0; i < count; i++)
        {
            Assert.True(_fs.FileSystem.TryGetNodeId($"{relative}/file-{i:D3}", out ulong node));
            Assert.Equal(1UL, _fs.FileSystem.LookupCount(node));
        }

        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"file-{i:D3}"),
            Directory.EnumerateFiles(dir).Select(static p => Path.GetFileName(p)).Order(StringComparer.Ordinal));
        _fs.AssertHealthy();
    }
}
