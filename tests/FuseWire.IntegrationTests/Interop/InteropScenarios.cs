using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using Xunit;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// What the kernel-side client does against a real libfuse daemon, each result checked against the real directory behind it.
/// The same scenarios run against both daemons; <see cref="DaemonTraits"/> says where they honestly differ.
/// </summary>
public static class InteropScenarios
{
    public const uint ORdOnly = 0;
    public const uint OWrOnly = 1;
    public const uint ORdWr = 2;
    public const uint OCreat = 0x40;
    public const uint OTrunc = 0x200;
    public const uint SIfMt = 0xF000;
    public const uint SIfReg = 0x8000;
    public const uint SIfDir = 0x4000;
    public const uint SIfLnk = 0xA000;
    public const int ENOENT = 2;
    public const int ENOSYS = 38;
    public const int ENOTEMPTY = 39;
    public const int ENODATA = 61;

    /// <summary>INIT: the client takes the daemon's minor (7.31 for Debian's libfuse 3.14) and its max_write.</summary>
    public static Task Init(InteropConnection c)
    {
        FuseInitOut init = c.Client.InitOut;
        Assert.Equal(7u, init.Major);
        Assert.InRange(init.Minor, 31u, FuseConstants.KernelMinorVersion);
        Assert.Equal(init.Minor, c.Protocol.Minor);
        Assert.InRange(c.Client.MaxWrite, 4096u, Math.Max(4096u, init.MaxWrite));
        return Task.CompletedTask;
    }

    /// <summary>LOOKUP, GETATTR, OPEN, READ, WRITE, FLUSH, RELEASE, CREATE, UNLINK on files.</summary>
    public static async Task Files(InteropConnection c, DaemonTraits traits)
    {
        FuseClient client = c.Client;
        byte[] original = TestData.Bytes(300_001, 11);
        File.WriteAllBytes(c.Source["data.bin"], original);

        FuseEntryOut entry = await client.LookupAsync(FuseConstants.RootId, "data.bin", c.Token);
        Assert.Equal(SIfReg, entry.Attr.Mode & SIfMt);
        Assert.Equal((ulong)original.Length, entry.Attr.Size);
        if (traits.RealInodes)
        {
            Assert.Equal(RealInode(c.Source["data.bin"]), entry.Attr.Ino);
        }

        FuseAttrOut attr = await client.GetAttrAsync(entry.NodeId, cancellationToken: c.Token);
        Assert.Equal((ulong)original.Length, attr.Attr.Size);
        Assert.Equal(entry.Attr.Mode, attr.Attr.Mode);

        // READ in 128 KiB requests, the last one short.
        FuseOpenOut open = await client.OpenAsync(entry.NodeId, ORdOnly, c.Token);
        Assert.Equal(original, await ReadAll(c, entry.NodeId, open.Fh, 128 * 1024));
        await client.FlushAsync(entry.NodeId, open.Fh, cancellationToken: c.Token);
        await client.ReleaseAsync(entry.NodeId, open.Fh, ORdOnly, c.Token);

        // WRITE into the middle of the existing file.
        byte[] patch = TestData.Bytes(5000, 12);
        open = await client.OpenAsync(entry.NodeId, ORdWr, c.Token);
        Assert.Equal(patch.Length, await client.WriteAsync(entry.NodeId, open.Fh, 100_000, patch, c.Token));
        await client.FlushAsync(entry.NodeId, open.Fh, cancellationToken: c.Token);
        await client.ReleaseAsync(entry.NodeId, open.Fh, ORdWr, c.Token);
        patch.CopyTo(original, 100_000);
        Assert.Equal(original, File.ReadAllBytes(c.Source["data.bin"]));

        // CREATE a new file and fill it with more than one max_write.
        byte[] fresh = TestData.Bytes((1 << 20) + 12_345, 13);
        FuseCreateResult created = await client.CreateAsync(FuseConstants.RootId, "new.bin", OWrOnly | OCreat | OTrunc, 0x1A4, 0, c.Token); // 0644
        Assert.Equal(SIfReg, created.Entry.Attr.Mode & SIfMt);
        Assert.True(File.Exists(c.Source["new.bin"]));
        int chunk = (int)Math.Min(client.MaxWrite, 256 * 1024u);
        for (int offset = 0; offset < fresh.Length; offset += chunk)
        {
            ReadOnlyMemory<byte> part = fresh.AsMemory(offset, Math.Min(chunk, fresh.Length - offset));
            Assert.Equal(part.Length, await client.WriteAsync(created.Entry.NodeId, created.Open.Fh, (ulong)offset, part.Span, c.Token));
        }

        await client.FlushAsync(created.Entry.NodeId, created.Open.Fh, cancellationToken: c.Token);
        await client.ReleaseAsync(created.Entry.NodeId, created.Open.Fh, OWrOnly, c.Token);
        Assert.Equal(fresh, File.ReadAllBytes(c.Source["new.bin"]));
        Assert.Equal((ulong)fresh.Length, (await client.GetAttrAsync(created.Entry.NodeId, cancellationToken: c.Token)).Attr.Size);

        // A file written behind the daemon's back reads as written.
        File.WriteAllText(c.Source["new.bin"], "behind");
        open = await client.OpenAsync(created.Entry.NodeId, ORdOnly, c.Token);
        Assert.Equal("behind"u8.ToArray(), await ReadAll(c, created.Entry.NodeId, open.Fh, 4096));
        await client.ReleaseAsync(created.Entry.NodeId, open.Fh, ORdOnly, c.Token);

        await client.UnlinkAsync(FuseConstants.RootId, "new.bin", c.Token);
        Assert.False(File.Exists(c.Source["new.bin"]));
        FuseErrnoException missing = await Assert.ThrowsAsync<FuseErrnoException>(async () => await client.LookupAsync(FuseConstants.RootId, "new.bin", c.Token));
        Assert.Equal(ENOENT, missing.Errno);
        Assert.Equal(FuseOpcode.Lookup, missing.Opcode);
        client.Forget(created.Entry.NodeId, 1);
        client.Forget(entry.NodeId, 1);

        // The daemon still answers after the forgets.
        Assert.Equal(SIfDir, (await client.GetAttrAsync(FuseConstants.RootId, cancellationToken: c.Token)).Attr.Mode & SIfMt);
    }

    /// <summary>MKDIR, OPENDIR, READDIR (in small batches), READDIRPLUS, RELEASEDIR, RENAME, RMDIR.</summary>
    public static async Task Directories(InteropConnection c, DaemonTraits traits)
    {
        FuseClient client = c.Client;
        string tree = c.Source["tree"];
        _ = Directory.CreateDirectory(Path.Combine(tree, "sub"));
        for (int i = 0; i < 40; i++)
        {
            File.WriteAllBytes(Path.Combine(tree, $"entry-{i:D2}-with-a-name-long-enough-to-need-batches"), TestData.Bytes(i * 7, i));
        }

        FuseEntryOut made = await client.MkDirAsync(FuseConstants.RootId, "made", 0x1ED, 0, c.Token); // 0755
        Assert.Equal(SIfDir, made.Attr.Mode & SIfMt);
        Assert.True(Directory.Exists(c.Source["made"]));

        FuseEntryOut treeEntry = await client.LookupAsync(FuseConstants.RootId, "tree", c.Token);
        string[] real = [.. Directory.GetFileSystemEntries(tree).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        // READDIR in 512-byte batches, each continuing from the last entry's offset.
        FuseOpenOut dir = await client.OpenDirAsync(treeEntry.NodeId, 0, c.Token);
        List<FuseDirectoryEntry> listed = await ReadDirectory(c, treeEntry.NodeId, dir.Fh, plus: false, size: 512);
        await client.ReleaseDirAsync(treeEntry.NodeId, dir.Fh, c.Token);
        Assert.Equal(real, WithoutDots(listed));
        Assert.Equal(listed.Count, listed.Select(e => e.Name).Distinct().Count());

        // READDIRPLUS: names and attributes; every entry with a node id took a lookup, given back with one BATCH_FORGET.
        dir = await client.OpenDirAsync(treeEntry.NodeId, 0, c.Token);
        List<FuseDirectoryEntry> plus = await ReadDirectory(c, treeEntry.NodeId, dir.Fh, plus: true, size: 4096);
        await client.ReleaseDirAsync(treeEntry.NodeId, dir.Fh, c.Token);
        Assert.Equal(real, WithoutDots(plus));
        List<FuseForgetOne> forgets = [];
        foreach (FuseDirectoryEntry e in plus.Where(e => e.Entry.NodeId != 0 && e.Name is not "." and not ".."))
        {
            string path = Path.Combine(tree, e.Name);
            if (e.Name == "sub")
            {
                Assert.Equal(SIfDir, e.Entry.Attr.Mode & SIfMt);
            }
            else
            {
                Assert.Equal(SIfReg, e.Entry.Attr.Mode & SIfMt);
                Assert.Equal((ulong)new FileInfo(path).Length, e.Entry.Attr.Size);
            }

            if (traits.RealInodes)
            {
                Assert.Equal(RealInode(path), e.Entry.Attr.Ino);
            }

            forgets.Add(new FuseForgetOne { NodeId = e.Entry.NodeId, NLookup = 1 });
        }

        Assert.True(traits.ReaddirplusNodeIds == (forgets.Count == real.Length), $"{forgets.Count} of {real.Length} READDIRPLUS entries carried a node id");
        client.BatchForget(forgets.ToArray());

        // RENAME across directories.
        string moved = Path.GetFileName(real[0])!;
        await client.RenameAsync(treeEntry.NodeId, moved, made.NodeId, "moved", 0, c.Token);
        Assert.False(File.Exists(Path.Combine(tree, moved)));
        Assert.True(File.Exists(c.Source["made/moved"]));

        // RMDIR refuses a non-empty directory, removes an empty one.
        FuseErrnoException notEmpty = await Assert.ThrowsAsync<FuseErrnoException>(async () => await client.RmDirAsync(FuseConstants.RootId, "tree", c.Token));
        Assert.Equal(ENOTEMPTY, notEmpty.Errno);
        await client.RmDirAsync(treeEntry.NodeId, "sub", c.Token);
        Assert.False(Directory.Exists(Path.Combine(tree, "sub")));
        await client.UnlinkAsync(made.NodeId, "moved", c.Token);
        await client.RmDirAsync(FuseConstants.RootId, "made", c.Token);
        Assert.False(Directory.Exists(c.Source["made"]));
    }

    /// <summary>SYMLINK and READLINK, both ways.</summary>
    public static async Task Symlinks(InteropConnection c)
    {
        FuseClient client = c.Client;
        FuseEntryOut link = await client.SymlinkAsync(FuseConstants.RootId, "link", "some/where/else", c.Token);
        Assert.Equal(SIfLnk, link.Attr.Mode & SIfMt);
        Assert.Equal("some/where/else", new FileInfo(c.Source["link"]).LinkTarget);
        Assert.Equal("some/where/else", await client.ReadLinkAsync(link.NodeId, c.Token));

        // A target inside the tree: sshfs answers READLINK of an absolute or "../" target with EPERM, under the kernel as here.
        _ = File.CreateSymbolicLink(c.Source["real-link"], "inside/the/target");
        FuseEntryOut real = await client.LookupAsync(FuseConstants.RootId, "real-link", c.Token);
        Assert.Equal(SIfLnk, real.Attr.Mode & SIfMt);
        Assert.Equal("inside/the/target", await client.ReadLinkAsync(real.NodeId, c.Token));
    }

    /// <summary>SETXATTR, GETXATTR, LISTXATTR against the real file's attributes.</summary>
    public static async Task Xattrs(InteropConnection c)
    {
        FuseClient client = c.Client;
        string path = c.Source["x"];
        File.WriteAllText(path, "x");
        FuseEntryOut entry = await client.LookupAsync(FuseConstants.RootId, "x", c.Token);

        await client.SetXattrAsync(entry.NodeId, "user.color", "blue"u8, 0, c.Token);
        Assert.Equal("blue", RealXattr(path, "user.color"));

        Assert.Equal(0, NativeMethods.SetXattr(path, "user.shape", "round"u8.ToArray(), 5, 0));
        Assert.Equal("round"u8.ToArray(), await client.GetXattrAsync(entry.NodeId, "user.shape", c.Token));
        Assert.Equal(["user.color", "user.shape"], (await client.ListXattrAsync(entry.NodeId, c.Token)).Where(n => n.StartsWith("user.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        FuseErrnoException missing = await Assert.ThrowsAsync<FuseErrnoException>(async () => await client.GetXattrAsync(entry.NodeId, "user.none", c.Token));
        Assert.Equal(ENODATA, missing.Errno);
        await client.RemoveXattrAsync(entry.NodeId, "user.color", c.Token);
        Assert.Null(RealXattr(path, "user.color"));
    }

    /// <summary>A daemon without xattr operations answers each xattr request with ENOSYS, and the connection goes on.</summary>
    public static async Task XattrsUnsupported(InteropConnection c)
    {
        FuseClient client = c.Client;
        File.WriteAllText(c.Source["x"], "x");
        FuseEntryOut entry = await client.LookupAsync(FuseConstants.RootId, "x", c.Token);
        Assert.Equal(ENOSYS, (await Assert.ThrowsAsync<FuseErrnoException>(async () => await client.SetXattrAsync(entry.NodeId, "user.color", "blue"u8, 0, c.Token))).Errno);
        Assert.Equal(ENOSYS, (await Assert.ThrowsAsync<FuseErrnoException>(async () => await client.GetXattrAsync(entry.NodeId, "user.color", c.Token))).Errno);
        Assert.Equal(ENOSYS, (await Assert.ThrowsAsync<FuseErrnoException>(async () => await client.ListXattrAsync(entry.NodeId, c.Token))).Errno);
        Assert.Equal(1ul, (await client.GetAttrAsync(entry.NodeId, cancellationToken: c.Token)).Attr.Size);
    }

    /// <summary>STATFS matches statfs(2) of the real directory.</summary>
    public static async Task StatFs(InteropConnection c)
    {
        FuseKstatfs st = await c.Client.StatFsAsync(FuseConstants.RootId, c.Token);
        string[] real = Shell.Check("stat", ["-f", "-c", "%b %S %l", c.Source.Path]).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(ulong.Parse(real[0], CultureInfo.InvariantCulture), st.Blocks);
        Assert.Equal(uint.Parse(real[1], CultureInfo.InvariantCulture), st.FrSize);
        Assert.Equal(uint.Parse(real[2], CultureInfo.InvariantCulture), st.NameLen);
        Assert.InRange(st.BAvail, 0ul, st.Blocks);
    }

    /// <summary>SETATTR: size, mode and mtime land on the real file and come back in the reply.</summary>
    public static async Task SetAttr(InteropConnection c)
    {
        string path = c.Source["attrs"];
        File.WriteAllBytes(path, TestData.Bytes(10_000, 31));
        FuseEntryOut entry = await c.Client.LookupAsync(FuseConstants.RootId, "attrs", c.Token);
        FuseSetattrIn change = new()
        {
            Valid = (uint)(FattrFlags.Size | FattrFlags.Mode | FattrFlags.Mtime),
            Size = 1234,
            Mode = SIfReg | 0x180, // 0600
            MTime = 1_000_000_000,
            MTimeNsec = 0,
        };
        FuseAttrOut attr = await c.Client.SetAttrAsync(entry.NodeId, change, c.Token);
        Assert.Equal(1234ul, attr.Attr.Size);
        Assert.Equal(SIfReg | 0x180, attr.Attr.Mode);
        Assert.Equal(1_000_000_000ul, attr.Attr.MTime);
        Assert.Equal(1234, new FileInfo(path).Length);
        Assert.Equal((UnixFileMode)0x180, File.GetUnixFileMode(path));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_000_000_000).UtcDateTime, File.GetLastWriteTimeUtc(path));
    }

    /// <summary>Many READs and GETATTRs in flight at once (sshfs answers them from several threads, in any order); each
    /// reply reaches its own request.</summary>
    public static async Task Concurrent(InteropConnection c)
    {
        FuseClient client = c.Client;
        byte[] original = TestData.Bytes(64 * 4096, 21);
        File.WriteAllBytes(c.Source["many.bin"], original);
        FuseEntryOut entry = await client.LookupAsync(FuseConstants.RootId, "many.bin", c.Token);
        FuseOpenOut open = await client.OpenAsync(entry.NodeId, ORdOnly, c.Token);
        byte[][] pieces = new byte[64][];
        List<Task> inFlight = [];
        for (int i = 0; i < pieces.Length; i++)
        {
            int index = i;
            pieces[index] = new byte[4096];
            inFlight.Add(client.ReadAsync(entry.NodeId, open.Fh, (ulong)(index * 4096), pieces[index], c.Token).AsTask()
                .ContinueWith(t => Assert.Equal(4096, t.Result), c.Token, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
            if (index % 8 == 0)
            {
                inFlight.Add(client.GetAttrAsync(entry.NodeId, cancellationToken: c.Token).AsTask()
                    .ContinueWith(t => Assert.Equal((ulong)original.Length, t.Result.Attr.Size), c.Token, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
            }
        }

        await Task.WhenAll(inFlight);
        Assert.Equal(original, pieces.SelectMany(p => p).ToArray());
        await client.ReleaseAsync(entry.NodeId, open.Fh, ORdOnly, c.Token);
    }

    /// <summary>Reads a whole file from offset 0 in requests of <paramref name="size"/> bytes until a short read.</summary>
    public static async Task<byte[]> ReadAll(InteropConnection c, ulong nodeId, ulong fileHandle, int size)
    {
        ArgumentNullException.ThrowIfNull(c);
        using MemoryStream all = new();
        byte[] buffer = new byte[size];
        while (true)
        {
            int count = await c.Client.ReadAsync(nodeId, fileHandle, (ulong)all.Length, buffer, c.Token);
            all.Write(buffer, 0, count);
            if (count < size)
            {
                return all.ToArray();
            }
        }
    }

    /// <summary>Reads a whole directory, batch after batch, each continuing from the last entry's offset.</summary>
    public static async Task<List<FuseDirectoryEntry>> ReadDirectory(InteropConnection c, ulong nodeId, ulong fileHandle, bool plus, uint size)
    {
        ArgumentNullException.ThrowIfNull(c);
        List<FuseDirectoryEntry> all = [];
        ulong offset = 0;
        for (int batch = 0; batch < 1000; batch++)
        {
            IReadOnlyList<FuseDirectoryEntry> entries = plus
                ? await c.Client.ReadDirPlusAsync(nodeId, fileHandle, offset, size, c.Token)
                : await c.Client.ReadDirAsync(nodeId, fileHandle, offset, size, c.Token);
            if (entries.Count == 0)
            {
                return all;
            }

            all.AddRange(entries);
            offset = entries[^1].Offset;
        }

        throw new InvalidOperationException("The directory did not end within 1000 batches.");
    }

    private static string[] WithoutDots(List<FuseDirectoryEntry> entries) =>
        [.. entries.Select(e => e.Name).Where(n => n is not "." and not "..").Order(StringComparer.Ordinal)];

    private static ulong RealInode(string path) =>
        ulong.Parse(Shell.Check("stat", ["-c", "%i", path]).Trim(), CultureInfo.InvariantCulture);

    private static string? RealXattr(string path, string name)
    {
        byte[] value = new byte[256];
        nint length = NativeMethods.GetXattr(path, name, value, (nuint)value.Length);
        return length < 0 ? null : Encoding.UTF8.GetString(value, 0, (int)length);
    }
}
