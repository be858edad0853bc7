using System.IO;
using FuseWire.Abi;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>renameat2 with RENAME_NOREPLACE and RENAME_EXCHANGE (FUSE_RENAME2).</summary>
[Collection(MemFsCollection.Name)]
public sealed class RenameFlagsTests(MemFsFixture fixture)
{
    private const int EEXIST = 17;
    private const int ENOENT = 2;
    private readonly MemFsMount _fs = fixture.Mount;

    [SkippableFact]
    public void Noreplace_refuses_an_existing_target_and_renames_otherwise()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("noreplace");
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b"), c = Path.Combine(dir, "c");
        File.WriteAllText(a, "A");
        File.WriteAllText(b, "B");

        Assert.Equal(EEXIST, NativeMethods.Rename(a, b, NativeMethods.RenameNoReplace));
        Assert.Equal("A", File.ReadAllText(a));
        Assert.Equal("B", File.ReadAllText(b));

        Assert.Equal(0, NativeMethods.Rename(a, c, NativeMethods.RenameNoReplace));
        Assert.True(_fs.RequestsOf(FuseOpcode.Rename2) >= 2);
        Assert.False(File.Exists(a));
        Assert.Equal("A", File.ReadAllText(c));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Exchange_swaps_two_files()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("exchange");
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b");
        File.WriteAllText(a, "A");
        File.WriteAllText(b, "B");

        Assert.Equal(0, NativeMethods.Rename(a, b, NativeMethods.RenameExchange));

        Assert.Equal("B", File.ReadAllText(a));
        Assert.Equal("A", File.ReadAllText(b));
        Assert.Equal(ENOENT, NativeMethods.Rename(a, Path.Combine(dir, "missing"), NativeMethods.RenameExchange));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Exchange_swaps_a_directory_and_a_file_across_directories()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("exchange-dirs");
        string left = Path.Combine(dir, "left"), right = Path.Combine(dir, "right");
        _ = Directory.CreateDirectory(Path.Combine(left, "sub"));
        File.WriteAllText(Path.Combine(left, "sub", "inside"), "deep");
        _ = Directory.CreateDirectory(right);
        File.WriteAllText(Path.Combine(right, "file"), "flat");

        Assert.Equal(0, NativeMethods.Rename(Path.Combine(left, "sub"), Path.Combine(right, "file"), NativeMethods.RenameExchange));

        Assert.Equal("flat", File.ReadAllText(Path.Combine(left, "sub")));
        Assert.Equal("deep", File.ReadAllText(Path.Combine(right, "file", "inside")));
        string links = Shell.Check("stat", ["-c", "%h", left, right]).ReplaceLineEndings(" ").Trim();
        Assert.Equal("2 3", links); // the subdirectory's ".." moved from left to right
        _fs.AssertHealthy();
    }
}
