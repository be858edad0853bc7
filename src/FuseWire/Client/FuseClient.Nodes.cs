using System;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;

namespace FuseWire.Client;

/// <content>Typed helpers for nodes and names: LOOKUP, GETATTR, SETATTR, MKDIR, SYMLINK, READLINK, UNLINK, RMDIR, RENAME, FORGET, STATFS, DESTROY.</content>
public sealed partial class FuseClient
{
    /// <summary>Looks a name up in a directory (LOOKUP); the node's lookup count goes up by one.</summary>
    /// <param name="parent">The directory's node id (1 is the root).</param>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the request (FUSE_INTERRUPT).</param>
    /// <returns>The entry.</returns>
    /// <exception cref="FuseErrnoException">The daemon answered an error (ENOENT when the name does not exist).</exception>
    public ValueTask<FuseEntryOut> LookupAsync(ulong parent, string name, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        return Call<FuseEntryOut>(FuseOpcode.Lookup, parent, default, Utf8(name, scratch, nameof(name)), default, default, cancellationToken);
    }

    /// <summary>Reads a node's attributes (GETATTR).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="fileHandle">An open file's handle (FUSE_GETATTR_FH), or null.</param>
    /// <param name="cancellationToken">Cancels the request (FUSE_INTERRUPT).</param>
    /// <returns>The attributes and their cache timeout.</returns>
    public ValueTask<FuseAttrOut> GetAttrAsync(ulong nodeId, ulong? fileHandle = null, CancellationToken cancellationToken = default)
    {
        FuseGetattrIn arg = new() { GetattrFlags = fileHandle.HasValue ? (uint)FuseGetattrFlags.Fh : 0, Fh = fileHandle ?? 0 };
        return Call<FuseAttrOut>(FuseOpcode.Getattr, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }

    /// <summary>Changes a node's attributes (SETATTR): the fields named in <c>valid</c>.</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="attributes">The argument, its <c>valid</c> bits saying which fields apply.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The attributes after the change.</returns>
    public ValueTask<FuseAttrOut> SetAttrAsync(ulong nodeId, in FuseSetattrIn attributes, CancellationToken cancellationToken = default) =>
        Call<FuseAttrOut>(FuseOpcode.Setattr, nodeId, Bytes(in attributes), default, default, default, cancellationToken);

    /// <summary>Creates a directory (MKDIR).</summary>
    /// <param name="parent">The parent directory.</param>
    /// <param name="name">The new directory's name.</param>
    /// <param name="mode">Permission bits (e.g. 0755).</param>
    /// <param name="umask">The caller's umask.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new entry.</returns>
    public ValueTask<FuseEntryOut> MkDirAsync(ulong parent, string name, uint mode, uint umask = 0, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        FuseMkdirIn arg = new() { Mode = mode, Umask = umask };
        return Call<FuseEntryOut>(FuseOpcode.Mkdir, parent, Bytes(in arg), Utf8(name, scratch, nameof(name)), default, default, cancellationToken);
    }

    /// <summary>Creates a symbolic link (SYMLINK).</summary>
    /// <param name="parent">The parent directory.</param>
    /// <param name="name">The link's name.</param>
    /// <param name="target">What the link points to.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new entry.</returns>
    public ValueTask<FuseEntryOut> SymlinkAsync(ulong parent, string name, string target, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        Span<byte> scratch2 = stackalloc byte[NameScratchSize];
        return Call<FuseEntryOut>(
            FuseOpcode.Symlink, parent, default, Utf8(name, scratch, nameof(name)), Utf8(target, scratch2, nameof(target)), default, cancellationToken);
    }

    /// <summary>Reads a symbolic link's target (READLINK).</summary>
    /// <param name="nodeId">The link.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The target.</returns>
    public async ValueTask<string> ReadLinkAsync(ulong nodeId, CancellationToken cancellationToken = default)
    {
        byte[] target = await Call<byte[]>(FuseOpcode.Readlink, nodeId, default, default, default, default, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(target);
    }

    /// <summary>Removes a name (UNLINK).</summary>
    /// <param name="parent">The directory.</param>
    /// <param name="name">The name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask UnlinkAsync(ulong parent, string name, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        return Call(FuseOpcode.Unlink, parent, default, Utf8(name, scratch, nameof(name)), default, default, cancellationToken);
    }

    /// <summary>Removes an empty directory (RMDIR).</summary>
    /// <param name="parent">The parent directory.</param>
    /// <param name="name">The directory's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask RmDirAsync(ulong parent, string name, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        return Call(FuseOpcode.Rmdir, parent, default, Utf8(name, scratch, nameof(name)), default, default, cancellationToken);
    }

    /// <summary>Renames an entry (RENAME, or RENAME2 when <paramref name="flags"/> is not 0).</summary>
    /// <param name="parent">The source directory.</param>
    /// <param name="name">The source name.</param>
    /// <param name="newParent">The destination directory.</param>
    /// <param name="newName">The destination name.</param>
    /// <param name="flags">RENAME_NOREPLACE (1), RENAME_EXCHANGE (2), or 0.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask RenameAsync(ulong parent, string name, ulong newParent, string newName, uint flags = 0, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        Span<byte> scratch2 = stackalloc byte[NameScratchSize];
        ReadOnlySpan<byte> from = Utf8(name, scratch, nameof(name));
        ReadOnlySpan<byte> to = Utf8(newName, scratch2, nameof(newName));
        if (flags == 0)
        {
            FuseRenameIn arg = new() { NewDir = newParent };
            return Call(FuseOpcode.Rename, parent, Bytes(in arg), from, to, default, cancellationToken);
        }

        FuseRename2In arg2 = new() { NewDir = newParent, Flags = flags };
        return Call(FuseOpcode.Rename2, parent, Bytes(in arg2), from, to, default, cancellationToken);
    }

    /// <summary>Reads the file system's statistics (STATFS).</summary>
    /// <param name="nodeId">A node of the file system (1, the root, by default).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The statistics.</returns>
    public ValueTask<FuseKstatfs> StatFsAsync(ulong nodeId = FuseConstants.RootId, CancellationToken cancellationToken = default) =>
        Call<FuseKstatfs>(FuseOpcode.Statfs, nodeId, default, default, default, default, cancellationToken);

    /// <summary>Drops <paramref name="lookups"/> from a node's lookup count (FORGET); sent without waiting, never answered.</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="lookups">How many lookups to forget.</param>
    /// <exception cref="FuseConnectionClosedException">The connection is closed.</exception>
    public void Forget(ulong nodeId, ulong lookups)
    {
        FuseForgetIn arg = new() { NLookup = lookups };
        StartNoReply(FuseOpcode.Forget, nodeId, Bytes(in arg), default);
    }

    /// <summary>Forgets many nodes at once (BATCH_FORGET); sent without waiting, never answered.</summary>
    /// <param name="forgets">The nodes and lookup counts.</param>
    /// <exception cref="FuseConnectionClosedException">The connection is closed.</exception>
    public void BatchForget(ReadOnlySpan<FuseForgetOne> forgets)
    {
        FuseBatchForgetIn arg = new() { Count = (uint)forgets.Length };
        StartNoReply(FuseOpcode.BatchForget, 0, Bytes(in arg), System.Runtime.InteropServices.MemoryMarshal.AsBytes(forgets));
    }

    /// <summary>Tells the daemon the file system is going away (DESTROY) and waits for its answer.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask DestroyAsync(CancellationToken cancellationToken = default) =>
        Call(FuseOpcode.Destroy, 0, default, default, default, default, cancellationToken);
}
