using System;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>Everyday commands (coreutils, util-linux) against the mounted MemFs, checked through their output and System.IO.</summary>
[Collection(MemFsCollection.Name)]
public sealed class CommandTests(MemFsFixture fixture)
{
    private readonly MemFsMount _fs = fixture.Mount;

    private static string Stat(string format, string path) => Shell.Check("stat", ["-c", format, path]).Trim();

    [SkippableFact]
    public void Ls_lists_created_entries_with_dot_and_dotdot()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("ls");
        File.WriteAllText(Path.Combine(dir, "beta"), "b");
        File.WriteAllText(Path.Combine(dir, "alpha"), "a");
        _ = Directory.CreateDirectory(Path.Combine(dir, "gamma"));

        string listing = Shell.Check("ls", ["-1a", dir]);

        Assert.Equal([".", "..", "alpha", "beta", "gamma"], listing.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["alpha", "beta", "gamma"], Directory.EnumerateFileSystemEntries(dir).Select(static p => Path.GetFileName(p)).Order().ToArray());
        string[] longListing = Shell.Check("ls", ["-ln", dir]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("-", longListing.Single(line => line.EndsWith(" alpha", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.StartsWith("d", longListing.Single(line => line.EndsWith(" gamma", StringComparison.Ordinal)), StringComparison.Ordinal);
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Ls_lists_a_directory_larger_than_one_readdir_reply()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("many");
        string[] names = Enumerable.Range(0, 1500).Select(i => $"entry-with-a-longish-name-{i:D5}").ToArray();
        foreach (string name in names)
        {
            File.WriteAllBytes(Path.Combine(dir, name), []);
        }

        string[] listed = Shell.Check("ls", ["-1", dir]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(names, listed);
        Assert.Equal(names.Length, Directory.GetFiles(dir).Length);
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Stat_reports_size_blocks_links_owner_and_mode()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("stat");
        string file = Path.Combine(dir, "file");
        File.WriteAllBytes(file, new byte[1000]);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        _ = Directory.CreateDirectory(Path.Combine(dir, "sub1"));
        _ = Directory.CreateDirectory(Path.Combine(dir, "sub2"));

        Assert.Equal("1000 2 512 4096 1 0 0 640 regular file", Stat("%s %b %B %o %h %u %g %a %F", file));
        Assert.Equal("4 directory", Stat("%h %F", dir)); // ., its entry, and two subdirectories' ..
        Assert.Equal(1000, new FileInfo(file).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(file));
        Assert.True((DateTime.UtcNow - File.GetLastWriteTimeUtc(file)).Duration() < TimeSpan.FromMinutes(1));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Files_created_by_another_user_belong_to_that_user_and_permissions_are_enforced()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        Skip.IfNot(Shell.Exists("setpriv"), "setpriv (util-linux) is not installed");
        string dir = _fs.NewDirectory("owner");
        string open = Path.Combine(dir, "open");
        _ = Directory.CreateDirectory(open);
        File.SetUnixFileMode(open, (UnixFileMode)0x1FF); // 0777
        string closed = Path.Combine(dir, "closed");
        _ = Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, (UnixFileMode)0x1ED); // 0755

        Shell.Check("setpriv", ["--reuid=1234", "--regid=2345", "--clear-groups", "touch", Path.Combine(open, "mine")]);
        ShellResult denied = Shell.Run("setpriv", ["--reuid=1234", "--regid=2345", "--clear-groups", "touch", Path.Combine(closed, "mine")]);

        Assert.Equal("1234:2345", Stat("%u:%g", Path.Combine(open, "mine")));
        Assert.NotEqual(0, denied.ExitCode);
        Assert.Contains("Permission denied", denied.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(closed, "mine")));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Cp_copies_a_tree_whose_checksums_match()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string source = Directory.CreateTempSubdirectory("fusewire-tree-").FullName;
        try
        {
            TestData.WriteTree(source, seed: 7);
            string target = Path.Combine(_fs.NewDirectory("cp"), "copy");

            Shell.Check("cp", ["-a", source, target]);

            const string sums = "find . -type f -print0 | sort -z | xargs -0 sha256sum";
            string expected = Shell.CheckSh(sums, workingDirectory: source);
            string actual = Shell.CheckSh(sums, workingDirectory: target);
            Assert.Equal(expected, actual);
            const string modes = "find . -printf '%p %y %m %s %T@\\n' | sort"; // names, types, modes, sizes, mtimes
            Assert.Equal(Shell.CheckSh(modes, workingDirectory: source), Shell.CheckSh(modes, workingDirectory: target));
            Assert.Equal("target-of-link", Shell.Check("readlink", [Path.Combine(target, "nested/link")]).Trim());
            Assert.True(Shell.Run("diff", ["-r", source, target]).ExitCode == 0);
        }
        finally
        {
            Directory.Delete(source, recursive: true);
        }

        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Mv_renames_moves_and_replaces()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("mv");
        string a = Path.Combine(dir, "a"), b = Path.Combine(dir, "b"), c = Path.Combine(dir, "c"), sub = Path.Combine(dir, "sub");
        File.WriteAllText(a, "first");
        File.WriteAllText(c, "existing");
        _ = Directory.CreateDirectory(sub);
        string inode = Stat("%i", a);

        Shell.Check("mv", [a, b]);
        Assert.False(File.Exists(a));
        Assert.Equal("first", File.ReadAllText(b));
        Assert.Equal(inode, Stat("%i", b));

        Shell.Check("mv", ["-f", b, c]); // over an existing file
        Assert.False(File.Exists(b));
        Assert.Equal("first", File.ReadAllText(c));
        Assert.Equal(inode, Stat("%i", c));

        Shell.Check("mv", [c, sub]); // into a directory
        Assert.Equal("first", File.ReadAllText(Path.Combine(sub, "c")));

        string moved = Path.Combine(dir, "moved");
        Shell.Check("mv", [sub, moved]); // a directory
        Assert.Equal("first", File.ReadAllText(Path.Combine(moved, "c")));
        Assert.Equal(["moved"], Directory.GetFileSystemEntries(dir).Select(static p => Path.GetFileName(p)).ToArray());
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Ln_makes_hard_links_sharing_one_inode()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("ln");
        string a = Path.Combine(dir, "a"), h = Path.Combine(dir, "h");
        File.WriteAllText(a, "shared");

        Shell.Check("ln", [a, h]);

        Assert.Equal(Stat("%i 2", a), Stat("%i %h", h));
        File.AppendAllText(h, "+more");
        Assert.Equal("shared+more", File.ReadAllText(a));
        File.Delete(a);
        Assert.Equal("1", Stat("%h", h));
        Assert.Equal("shared+more", File.ReadAllText(h));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Ln_s_makes_symbolic_links_readlink_reads()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("symlink");
        File.WriteAllText(Path.Combine(dir, "target"), "pointed at");

        Shell.Check("ln", ["-s", "target", Path.Combine(dir, "link")]);
        Shell.Check("ln", ["-s", "nowhere/at/all", Path.Combine(dir, "dangling")]);

        Assert.Equal("target", Shell.Check("readlink", [Path.Combine(dir, "link")]).Trim());
        Assert.Equal("pointed at", Shell.Check("cat", [Path.Combine(dir, "link")]));
        Assert.Equal("symbolic link 6", Stat("%F %s", Path.Combine(dir, "link")));
        Assert.Equal("nowhere/at/all", new FileInfo(Path.Combine(dir, "dangling")).LinkTarget);
        Assert.NotEqual(0, Shell.Run("cat", [Path.Combine(dir, "dangling")]).ExitCode);
        Assert.Equal(Path.Combine(dir, "target"), Shell.Check("readlink", ["-f", Path.Combine(dir, "link")]).Trim());
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Chmod_chown_and_touch_set_attributes()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("attrs");
        string file = Path.Combine(dir, "f");
        File.WriteAllText(file, "x");

        Shell.Check("chmod", ["4751", file]);
        Assert.Equal("4751", Stat("%a", file));
        Shell.Check("chown", ["1234:5678", file]);
        Assert.Equal("1234 5678 751", Stat("%u %g %a", file)); // chown clears set-user-ID
        Shell.Check("touch", ["-m", "-d", "2001-02-03 04:05:06.123456789", file]);
        Shell.Check("touch", ["-a", "-d", "1999-12-31 23:59:58.5", file]);
        Assert.Equal("2001-02-03 04:05:06.123456789 +0000", Stat("%y", file));
        Assert.Equal("1999-12-31 23:59:58.500000000 +0000", Stat("%x", file));
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddTicks(1234567), File.GetLastWriteTimeUtc(file));

        Shell.Check("touch", [file]); // UTIME_NOW: FATTR_ATIME_NOW | FATTR_MTIME_NOW
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string[] times = Stat("%X %Y %Z", file).Split(' ');
        Assert.All(times, t => Assert.InRange(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture), now - 60, now + 5));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Truncate_grows_with_zeros_and_shrinks()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string file = Path.Combine(_fs.NewDirectory("truncate"), "f");
        File.WriteAllText(file, "0123456789");

        Shell.Check("truncate", ["-s", "70000", file]);
        byte[] grown = File.ReadAllBytes(file);
        Assert.Equal(70000, grown.Length);
        Assert.Equal("0123456789"u8.ToArray(), grown[..10]);
        Assert.True(grown.AsSpan(10).IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal("70000 137", Stat("%s %b", file));

        Shell.Check("truncate", ["-s", "3", file]);
        Assert.Equal("012", File.ReadAllText(file));
        Shell.Check("truncate", ["-s", "6", file]);
        Assert.Equal("012\0\0\0", File.ReadAllText(file)); // the cut bytes do not come back
        Shell.Check("truncate", ["-s", "0", file]);
        Assert.Equal(0, new FileInfo(file).Length);
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Fallocate_extends_keeps_size_and_punches_holes()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("fallocate");
        string file = Path.Combine(dir, "f");

        Shell.Check("fallocate", ["-l", "3M", file]);
        Assert.Equal(3 << 20, new FileInfo(file).Length);
        Shell.Check("fallocate", ["-n", "-l", "8M", file]); // FALLOC_FL_KEEP_SIZE
        Assert.Equal(3 << 20, new FileInfo(file).Length);

        string data = Path.Combine(dir, "data");
        byte[] content = TestData.Bytes(20000, seed: 3);
        File.WriteAllBytes(data, content);
        Shell.Check("fallocate", ["-p", "-o", "4096", "-l", "8192", data]); // FALLOC_FL_PUNCH_HOLE | KEEP_SIZE
        content.AsSpan(4096, 8192).Clear();
        Assert.Equal(content, File.ReadAllBytes(data));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Df_and_stat_f_report_the_file_system()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string[] df = Shell.Check("df", ["-P", "-k", _fs.MountPoint]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] fields = df[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("memfs", fields[0]);
        Assert.Equal(_fs.MountPoint, fields[5]);
        Assert.True(long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("4096 4096 255", Shell.Check("stat", ["-f", "-c", "%s %S %l", _fs.MountPoint]).Trim());
        Assert.Equal("fuse.memfs", MountInfo.Find(_fs.MountPoint)?.FileSystemType);
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Rm_r_removes_a_tree_and_rmdir_refuses_a_non_empty_directory()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("rm");
        TestData.WriteTree(Path.Combine(dir, "tree"), seed: 11);

        ShellResult refused = Shell.Run("rmdir", [Path.Combine(dir, "tree")]);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Directory not empty", refused.StandardError, StringComparison.Ordinal);

        Shell.Check("rm", ["-r", Path.Combine(dir, "tree")]);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
        Assert.Equal("2", Stat("%h", dir));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Mknod_makes_fifos_and_devices()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string dir = _fs.NewDirectory("mknod");

        Shell.Check("mkfifo", [Path.Combine(dir, "fifo")]);
        Shell.Check("mknod", [Path.Combine(dir, "null"), "c", "1", "3"]);

        Assert.Equal("fifo", Stat("%F", Path.Combine(dir, "fifo")));
        Assert.Equal("character special file 1 3", Stat("%F %t %T", Path.Combine(dir, "null")));
        _fs.AssertHealthy();
    }

    [SkippableFact]
    public void Append_and_overwrite_through_the_shell_are_read_back()
    {
        Skip.IfNot(MemFsMount.CanMount, MemFsMount.SkipReason);
        string file = Path.Combine(_fs.NewDirectory("append"), "log");

        Shell.CheckSh($"echo one > '{file}' && echo two >> '{file}' && echo three >> '{file}'");
        Assert.Equal("one\ntwo\nthree\n", File.ReadAllText(file));
        Shell.CheckSh($"echo fresh > '{file}'"); // O_TRUNC
        Assert.Equal("fresh\n", Encoding.UTF8.GetString(File.ReadAllBytes(file)));
        _fs.AssertHealthy();
    }
}
