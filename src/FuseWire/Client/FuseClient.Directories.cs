using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Client;

/// <content>Typed helpers for directories: OPENDIR, READDIR, READDIRPLUS, RELEASEDIR.</content>
public sealed partial class FuseClient
{
    /// <summary>The size READDIR asks for by default: one page, as the kernel does.</summary>
    public const uint DefaultReadDirSize = 4096;

    /// <summary>Opens a directory (OPENDIR).</summary>
    /// <param name="nodeId">The directory.</param>
    /// <param name="flags">The open(2) flags.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The handle and FOPEN_* flags.</returns>
    public ValueTask<FuseOpenOut> OpenDirAsync(ulong nodeId, uint flags = 0, CancellationToken cancellationToken = default)
    {
        FuseOpenIn arg = new() { Flags = flags };
        return Call<FuseOpenOut>(FuseOpcode.Opendir, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }

    /// <summary>Reads one batch of directory entries (READDIR) from <paramref name="offset"/>; an empty list means the end.</summary>
    /// <param name="nodeId">The directory.</param>
    /// <param name="fileHandle">The handle OPENDIR returned.</param>
    /// <param name="offset">0, or the <see cref="FuseDirectoryEntry.Offset"/> of the last entry read.</param>
    /// <param name="size">The most bytes of records to return.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entries.</returns>
    public async ValueTask<IReadOnlyList<FuseDirectoryEntry>> ReadDirAsync(
        ulong nodeId, ulong fileHandle, ulong offset = 0, uint size = DefaultReadDirSize, CancellationToken cancellationToken = default)
    {
        byte[] records = await StartReadDir(FuseOpcode.Readdir, nodeId, fileHandle, offset, size, cancellationToken).ConfigureAwait(false);
        return ParseDirents(records, plus: false);
    }

    /// <summary>Reads one batch of directory entries with their attributes (READDIRPLUS); each entry with a node id takes a lookup.</summary>
    /// <param name="nodeId">The directory.</param>
    /// <param name="fileHandle">The handle OPENDIR returned.</param>
    /// <param name="offset">0, or the <see cref="FuseDirectoryEntry.Offset"/> of the last entry read.</param>
    /// <param name="size">The most bytes of records to return.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entries.</returns>
    public async ValueTask<IReadOnlyList<FuseDirectoryEntry>> ReadDirPlusAsync(
        ulong nodeId, ulong fileHandle, ulong offset = 0, uint size = DefaultReadDirSize, CancellationToken cancellationToken = default)
    {
        byte[] records = await StartReadDir(FuseOpcode.Readdirplus, nodeId, fileHandle, offset, size, cancellationToken).ConfigureAwait(false);
        return ParseDirents(records, plus: true);
    }

    /// <summary>Releases an open directory (RELEASEDIR).</summary>
    /// <param name="nodeId">The directory.</param>
    /// <param name="fileHandle">The handle.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask ReleaseDirAsync(ulong nodeId, ulong fileHandle, CancellationToken cancellationToken = default)
    {
        FuseReleaseIn arg = new() { Fh = fileHandle };
        return Call(FuseOpcode.Releasedir, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }

    private ValueTask<byte[]> StartReadDir(FuseOpcode opcode, ulong nodeId, ulong fileHandle, ulong offset, uint size, CancellationToken cancellationToken)
    {
        FuseReadIn arg = new() { Fh = fileHandle, Offset = offset, Size = size };
        return Call<byte[]>(opcode, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }

    /// <summary>Decodes records the validator has already checked (lengths, alignment, names).</summary>
    private static List<FuseDirectoryEntry> ParseDirents(byte[] records, bool plus)
    {
        List<FuseDirectoryEntry> entries = [];
        foreach (FuseDirentEntry entry in new FuseDirentEnumerator(records, plus))
        {
            ref readonly FuseDirent dirent = ref entry.Dirent;
            entries.Add(new FuseDirectoryEntry(dirent.Ino, dirent.Off, dirent.Type, Encoding.UTF8.GetString(entry.Name), entry.EntryOut));
        }

        return entries;
    }
}
