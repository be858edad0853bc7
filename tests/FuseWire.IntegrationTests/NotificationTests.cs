using System.IO;
using System.Text;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>
/// Notifications: MemFs changes behind the kernel's back (caches valid for an hour, FOPEN_KEEP_CACHE), the kernel keeps
/// serving its stale cache, and FUSE_NOTIFY_INVAL_INODE / INVAL_ENTRY make it ask again.
/// </summary>
public sealed class NotificationTests(NotificationFixture fixture) : IClassFixture<NotificationFixture>
{
    private readonly MemFsMount _fs = fixture.Mount;

    [SkippableFact]
    public void Inval_inode_drops_cached_pages()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("inval-inode");
        string file = Path.Combine(dir, "f");
        string relative = Path.GetRelativePath(_fs.MountPoint, file);
        File.WriteAllText(file, "old content!");
        Assert.Equal("old content!", Shell.Check("cat", [file])); // now in the page cache
        Assert.True(_fs.FileSystem.TryGetNodeId(relative, out ulong node));

        _fs.FileSystem.OverwriteBehindKernel(relative, 0, "NEW content!"u8);
        Assert.Equal("old content!", Shell.Check("cat", [file])); // stale, as keep_cache promises
        Assert.Equal(0, _fs.Session!.NotifyInvalInode(node, -1, 0)); // attributes only: same size and mtime, pages kept
        Assert.Equal("old content!", Shell.Check("cat", [file]));
        Assert.Equal(0, _fs.Session.NotifyInvalInode(node, 0, 0)); // offset 0, length 0: every page

        Assert.Equal("NEW content!", Shell.Check("cat", [file]));
        Assert.Equal("NEW content!", Encoding.ASCII.GetString(_fs.FileSystem.ReadAllBytes(relative)));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Inval_entry_forgets_a_name_renamed_behind_the_kernel()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("inval-entry");
        string before = Path.Combine(dir, "before"), after = Path.Combine(dir, "after");
        File.WriteAllText(before, "moved");
        Assert.True(File.Exists(before)); // the name is cached
        string relativeDir = Path.GetRelativePath(_fs.MountPoint, dir);
        Assert.True(_fs.FileSystem.TryGetNodeId(relativeDir, out ulong parent));

        _fs.FileSystem.RenameBehindKernel(relativeDir + "/before", relativeDir + "/after");
        Assert.True(File.Exists(before)); // the kernel still believes the old name
        Assert.Equal(0, _fs.Session!.NotifyInvalEntry(parent, "before"u8));

        Assert.False(File.Exists(before));
        Assert.Equal("moved", File.ReadAllText(after));
        _fs.AssertHealthy();
    }
}
