using System;
using System.Globalization;
using System.IO;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>Lookup counts and FORGET: unlinked nodes are freed once forgotten and closed, linked ones stay.</summary>
[Collection(MemFsCollection.Name)]
public sealed class NodeLifetimeTests(MemFsFixture fixture)
{
    private static readonly TimeSpan ForgetTimeout = TimeSpan.FromSeconds(10);
    private readonly MemFsMount _fs = fixture.Mount;

    private static ulong Inode(string path) => ulong.Parse(Shell.Check("stat", ["-c", "%i", path]).Trim(), CultureInfo.InvariantCulture);

    [SkippableFact]
    public void An_unlinked_file_is_freed_after_the_kernel_forgets_it()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string file = Path.Combine(_fs.NewDirectory("forget"), "f");
        File.WriteAllBytes(file, new byte[100_000]);
        ulong node = Inode(file);
        Assert.True(_fs.FileSystem.ContainsNode(node));
        Assert.True(_fs.FileSystem.LookupCount(node) > 0);

        File.Delete(file);

        Assert.True(MemFsMount.WaitUntil(() => !_fs.FileSystem.ContainsNode(node), ForgetTimeout), "the unlinked node was not freed");
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void A_node_with_another_link_survives_an_unlink()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("forget-linked");
        string first = Path.Combine(dir, "first"), second = Path.Combine(dir, "second");
        File.WriteAllText(first, "still here");
        Shell.Check("ln", [first, second]);
        ulong node = Inode(first);

        File.Delete(first);

        Assert.False(MemFsMount.WaitUntil(() => !_fs.FileSystem.ContainsNode(node), TimeSpan.FromSeconds(1)));
        Assert.Equal("still here", File.ReadAllText(second));
        Assert.Equal(node, Inode(second));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void An_open_unlinked_file_stays_readable_until_closed()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string file = Path.Combine(_fs.NewDirectory("forget-open"), "f");
        byte[] content = TestData.Bytes(10_000, seed: 5);
        File.WriteAllBytes(file, content);
        ulong node = Inode(file);

        using (FileStream stream = new(file, FileMode.Open, FileAccess.ReadWrite))
        {
            File.Delete(file);
            Assert.False(File.Exists(file));
            Assert.True(_fs.FileSystem.ContainsNode(node));
            stream.Position = 10_000;
            stream.Write("tail"u8);
            stream.Position = 0;
            byte[] read = new byte[10_004];
            stream.ReadExactly(read);
            Assert.Equal(content, read[..10_000]);
            Assert.Equal("tail"u8.ToArray(), read[10_000..]);
        }

        Assert.True(MemFsMount.WaitUntil(() => !_fs.FileSystem.ContainsNode(node), ForgetTimeout), "the closed unlinked node was not freed");
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void A_removed_directory_is_freed()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = Path.Combine(_fs.NewDirectory("forget-dir"), "d");
        _ = Directory.CreateDirectory(dir);
        ulong node = Inode(dir);

        Directory.Delete(dir);

        Assert.True(MemFsMount.WaitUntil(() => !_fs.FileSystem.ContainsNode(node), ForgetTimeout), "the removed directory was not freed");
        _fs.AssertHealthy();
    }
}
