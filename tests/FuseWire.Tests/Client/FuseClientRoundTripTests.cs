using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Codec;
using MemFs;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>FuseClient against FuseWire's own session serving MemFs: every typed helper and raw sends, both roles of the library talking.</summary>
public sealed class FuseClientRoundTripTests
{
    private const uint RegularFile = 0x8000;
    private const uint Directory = 0x4000;
    private const uint ReadWrite = 2;

    [Fact]
    public async Task Init_NegotiatesLatestWithTheSession()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem());
        FuseClient client = harness.Client;
        Assert.True(client.IsInitialized);
        Assert.Equal(45u, client.Protocol.Minor);
        Assert.Equal(7u, client.InitOut.Major);
        Assert.True(client.Protocol.Has(FuseInitFlags.InitExt | FuseInitFlags.SetxattrExt | FuseInitFlags.DoReaddirplus));
        Assert.Equal(harness.Session.Protocol.Flags, client.Protocol.Flags);
        Assert.Equal(1u << 20, client.MaxWrite);
    }

    [Fact]
    public async Task LookupOfAMissingName_ThrowsErrnoException()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem());
        FuseErrnoException e = await Assert.ThrowsAsync<FuseErrnoException>(() => harness.Client.LookupAsync(FuseConstants.RootId, "missing").AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.Equal(Errno.ENOENT, e.Errno);
        Assert.Equal(FuseOpcode.Lookup, e.Opcode);
        Assert.NotEqual(0UL, e.Unique);
        Assert.Equal(0, harness.Client.PendingCount);
    }

    [Fact]
    public async Task Files_CreateWriteReadGetAttrSetAttrFlushRelease()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem());
        FuseClient client = harness.Client;
        FuseCreateResult created = await client.CreateAsync(FuseConstants.RootId, "file", ReadWrite, RegularFile | 0x1A4).AsTask().WaitAsync(ClientHarness.Timeout);
        ulong node = created.Entry.NodeId;
        Assert.NotEqual(0UL, node);
        Assert.Equal(RegularFile | 0x1A4, created.Entry.Attr.Mode);

        byte[] content = Encoding.ASCII.GetBytes("hello, kernel side");
        Assert.Equal(content.Length, await client.WriteAsync(node, created.Open.Fh, 0, content).AsTask().WaitAsync(ClientHarness.Timeout));

        byte[] buffer = new byte[64];
        int read = await client.ReadAsync(node, created.Open.Fh, 7, buffer).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal("kernel side", Encoding.ASCII.GetString(buffer, 0, read));

        FuseAttrOut attr = await client.GetAttrAsync(node).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal((ulong)content.Length, attr.Attr.Size);
        FuseAttrOut withHandle = await client.GetAttrAsync(node, created.Open.Fh).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(attr.Attr.Ino, withHandle.Attr.Ino);

        FuseSetattrIn truncate = new() { Valid = (uint)FattrFlags.Size, Size = 5 };
        FuseAttrOut truncated = await client.SetAttrAsync(node, truncate).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(5UL, truncated.Attr.Size);

        await client.FlushAsync(node, created.Open.Fh).AsTask().WaitAsync(ClientHarness.Timeout);
        await client.ReleaseAsync(node, created.Open.Fh).AsTask().WaitAsync(ClientHarness.Timeout);

        FuseOpenOut opened = await client.OpenAsync(node, 0).AsTask().WaitAsync(ClientHarness.Timeout);
        read = await client.ReadAsync(node, opened.Fh, 0, buffer).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal("hello", Encoding.ASCII.GetString(buffer, 0, read));
        await client.ReleaseAsync(node, opened.Fh).AsTask().WaitAsync(ClientHarness.Timeout);

        FuseEntryOut looked = await client.LookupAsync(FuseConstants.RootId, "file").AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(node, looked.NodeId);
    }

    [Fact]
    public async Task Directories_MkDirReadDirReadDirPlusRenameUnlinkRmDir()
    {
        MemFileSystem fs = new();
        await using ClientHarness harness = await ClientHarness.StartAsync(fs);
        FuseClient client = harness.Client;
        FuseEntryOut dir = await client.MkDirAsync(FuseConstants.RootId, "dir", 0x1ED).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(Directory | 0x1ED, dir.Attr.Mode);
        FuseCreateResult a = await client.CreateAsync(dir.NodeId, "a", ReadWrite, RegularFile | 0x1A4).AsTask().WaitAsync(ClientHarness.Timeout);
        await client.ReleaseAsync(a.Entry.NodeId, a.Open.Fh).AsTask().WaitAsync(ClientHarness.Timeout);
        FuseEntryOut link = await client.SymlinkAsync(dir.NodeId, "l", "a").AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal("a", await client.ReadLinkAsync(link.NodeId).AsTask().WaitAsync(ClientHarness.Timeout));

        FuseOpenOut handle = await client.OpenDirAsync(dir.NodeId).AsTask().WaitAsync(ClientHarness.Timeout);
        IReadOnlyList<FuseDirectoryEntry> entries = await client.ReadDirAsync(dir.NodeId, handle.Fh).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(["a", "l"], entries.Select(e => e.Name).Where(n => n is not "." and not "..").Order());
        IReadOnlyList<FuseDirectoryEntry> end = await client.ReadDirAsync(dir.NodeId, handle.Fh, entries[^1].Offset).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Empty(end);
        IReadOnlyList<FuseDirectoryEntry> plus = await client.ReadDirPlusAsync(dir.NodeId, handle.Fh).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(a.Entry.NodeId, plus.Single(e => e.Name == "a").Entry.NodeId);
        await client.ReleaseDirAsync(dir.NodeId, handle.Fh).AsTask().WaitAsync(ClientHarness.Timeout);

        await client.RenameAsync(dir.NodeId, "a", FuseConstants.RootId, "b").AsTask().WaitAsync(ClientHarness.Timeout);
        FuseEntryOut moved = await client.LookupAsync(FuseConstants.RootId, "b").AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(a.Entry.NodeId, moved.NodeId);
        FuseErrnoException noReplace = await Assert.ThrowsAsync<FuseErrnoException>(
            () => client.RenameAsync(FuseConstants.RootId, "b", FuseConstants.RootId, "dir", flags: 1).AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.Equal(Errno.EEXIST, noReplace.Errno);

        FuseErrnoException notEmpty = await Assert.ThrowsAsync<FuseErrnoException>(() => client.RmDirAsync(FuseConstants.RootId, "dir").AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.Equal(Errno.ENOTEMPTY, notEmpty.Errno);
        await client.UnlinkAsync(dir.NodeId, "l").AsTask().WaitAsync(ClientHarness.Timeout);
        await client.RmDirAsync(FuseConstants.RootId, "dir").AsTask().WaitAsync(ClientHarness.Timeout);
        await client.UnlinkAsync(FuseConstants.RootId, "b").AsTask().WaitAsync(ClientHarness.Timeout);
        await Assert.ThrowsAsync<FuseErrnoException>(() => client.LookupAsync(FuseConstants.RootId, "b").AsTask().WaitAsync(ClientHarness.Timeout));
    }

    [Fact]
    public async Task Xattrs_SetGetListRemove()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem());
        FuseClient client = harness.Client;
        FuseCreateResult f = await client.CreateAsync(FuseConstants.RootId, "x", ReadWrite, RegularFile | 0x1A4).AsTask().WaitAsync(ClientHarness.Timeout);
        ulong node = f.Entry.NodeId;
        await client.SetXattrAsync(node, "user.one", "1"u8).AsTask().WaitAsync(ClientHarness.Timeout);
        await client.SetXattrAsync(node, "user.two", "22"u8).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal("22"u8.ToArray(), await client.GetXattrAsync(node, "user.two").AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.Equal(["user.one", "user.two"], (await client.ListXattrAsync(node).AsTask().WaitAsync(ClientHarness.Timeout)).Order());
        await client.RemoveXattrAsync(node, "user.one").AsTask().WaitAsync(ClientHarness.Timeout);
        FuseErrnoException missing = await Assert.ThrowsAsync<FuseErrnoException>(() => client.GetXattrAsync(node, "user.one").AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.Equal(Errno.ENODATA, missing.Errno);
    }

    [Fact]
    public async Task StatFsForgetBatchForgetAndDestroy()
    {
        MemFileSystem fs = new();
        await using ClientHarness harness = await ClientHarness.StartAsync(fs);
        FuseClient client = harness.Client;
        FuseKstatfs statfs = await client.StatFsAsync().AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.NotEqual(0u, statfs.BSize);

        FuseCreateResult f = await client.CreateAsync(FuseConstants.RootId, "f", ReadWrite, RegularFile | 0x1A4).AsTask().WaitAsync(ClientHarness.Timeout);
        await client.ReleaseAsync(f.Entry.NodeId, f.Open.Fh).AsTask().WaitAsync(ClientHarness.Timeout);
        _ = await client.LookupAsync(FuseConstants.RootId, "f").AsTask().WaitAsync(ClientHarness.Timeout);
        FuseEntryOut g = await client.MkDirAsync(FuseConstants.RootId, "g", 0x1ED).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(2UL, fs.LookupCount(f.Entry.NodeId));

        client.Forget(f.Entry.NodeId, 1);
        client.BatchForget([new FuseForgetOne { NodeId = f.Entry.NodeId, NLookup = 1 }, new FuseForgetOne { NodeId = g.NodeId, NLookup = 1 }]);
        // FORGET is unanswered: a later answered request proves the session has read (and applied) the forgets before it.
        _ = await client.GetAttrAsync(FuseConstants.RootId).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(0UL, fs.LookupCount(f.Entry.NodeId));
        Assert.Equal(0UL, fs.LookupCount(g.NodeId));

        await client.DestroyAsync().AsTask().WaitAsync(ClientHarness.Timeout);
    }

    [Fact]
    public async Task RawSends_AnyOpcodeFromItsParts()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(new MemFileSystem());
        FuseClient client = harness.Client;

        // MKNOD has no typed helper: a raw send with argument bytes and a name.
        FuseMknodIn mknod = new() { Mode = RegularFile | 0x180 };
        byte[] payload = new byte[256];
        int length = await client.SendAsync(FuseOpcode.Mknod, FuseConstants.RootId, Struct(mknod), payload, "n"u8).AsTask().WaitAsync(ClientHarness.Timeout);
        Assert.Equal(FuseEntryOut.StructSize, length);
        FuseEntryOut entry = FuseStructReader.ReadPadded<FuseEntryOut>(payload.AsSpan(0, length));
        Assert.Equal(RegularFile | 0x180, entry.Attr.Mode);

        // ACCESS answered with no payload; a cut buffer still reports the full length.
        Assert.Equal(0, await client.SendAsync(FuseOpcode.Access, entry.NodeId, Struct(new FuseAccessIn { Mask = 4 }), Memory<byte>.Empty).AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.Equal(FuseAttrOut.StructSize, await client.SendAsync(FuseOpcode.Getattr, entry.NodeId, Struct(new FuseGetattrIn()), new byte[8]).AsTask().WaitAsync(ClientHarness.Timeout));

        // An opcode the file system does not implement: ENOSYS.
        FuseErrnoException e = await Assert.ThrowsAsync<FuseErrnoException>(
            () => client.SendAsync(FuseOpcode.Bmap, entry.NodeId, Struct(new FuseBmapIn { Block = 1, Blocksize = 512 }), payload).AsTask().WaitAsync(ClientHarness.Timeout));
        Assert.Equal(Errno.ENOSYS, e.Errno);

        // With a callback, on the reader thread.
        TaskCompletionSource<ulong> answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Send(
            FuseOpcode.Lookup, FuseConstants.RootId, default,
            (reply, exception, state) =>
            {
                if (exception is not null)
                {
                    answered.SetException(exception);
                }
                else
                {
                    answered.SetResult(reply.GetArgument<FuseEntryOut>().NodeId + (ulong)state!);
                }
            },
            state: 1000UL, name: "n"u8);
        Assert.Equal(entry.NodeId + 1000, await answered.Task.WaitAsync(ClientHarness.Timeout));

        // FORGET without waiting; an answered opcode is refused there, and a no-reply opcode is refused by SendAsync.
        client.SendNoReply(FuseOpcode.Forget, entry.NodeId, Struct(new FuseForgetIn { NLookup = 1 }));
        Assert.Throws<ArgumentException>(() => client.SendNoReply(FuseOpcode.Getattr, 1, Struct(new FuseGetattrIn())));
        Assert.Throws<ArgumentException>(() => { _ = client.SendAsync(FuseOpcode.Forget, 1, Struct(new FuseForgetIn()), payload).AsTask(); });
        Assert.Throws<ArgumentException>(() => { _ = client.SendAsync(FuseOpcode.Lookup, 1, default, payload, "a/b"u8).AsTask(); });
        Assert.Equal(0, harness.Client.PendingCount);
    }

    private static byte[] Struct<T>(T value)
        where T : unmanaged
    {
        byte[] bytes = new byte[System.Runtime.CompilerServices.Unsafe.SizeOf<T>()];
        System.Runtime.InteropServices.MemoryMarshal.Write(bytes, in value);
        return bytes;
    }
}
