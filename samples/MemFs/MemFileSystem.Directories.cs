using System;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace MemFs;

/// <content>Directories: opendir, readdir, readdirplus, releasedir.</content>
public partial class MemFileSystem
{
    private const uint DirectoryType = 4; // DT_DIR

    /// <inheritdoc/>
    public override void Opendir(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply)
    {
        FuseOpenOut open;
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node?.Entries is null)
            {
                reply.Error(node is null ? Errno.ENOENT : Errno.ENOTDIR);
                return;
            }

            open = OpenHandle(node);
        }

        reply.Open(open);
    }

    /// <inheritdoc/>
    public override void Readdir(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply) => List(request, arg, plus: false, reply);

    /// <inheritdoc/>
    public override void Readdirplus(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply) => List(request, arg, plus: true, reply);

    /// <inheritdoc/>
    public override void Releasedir(in FuseRequest request, in FuseReleaseIn arg, FuseReplySink reply)
    {
        CloseHandle(arg.Fh);
        reply.Ok();
    }

    /// <inheritdoc/>
    public override void Fsyncdir(in FuseRequest request, in FuseFsyncIn arg, FuseReplySink reply) => reply.Ok();

    /// <summary>
    /// Packs entries from <c>arg.Offset</c>: "." (offset 1), ".." (offset 2), then the children by their stable cookies. In
    /// READDIRPLUS, "." and ".." carry a zeroed entry (the kernel takes no reference), and each child that fits counts one lookup.
    /// </summary>
    private void List(in FuseRequest request, in FuseReadIn arg, bool plus, FuseReplySink reply)
    {
        int written;
        lock (_gate)
        {
            MemNode? directory = NodeOf(arg.Fh, request.NodeId);
            if (directory?.Entries is null)
            {
                reply.Error(directory is null ? Errno.ENOENT : Errno.ENOTDIR);
                return;
            }

            FuseDirentWriter writer = reply.GetDirentWriter(arg.Size);
            ulong offset = arg.Offset;
            bool fits = offset >= 1 || writer.TryAdd(directory.Id, 1, DirectoryType, "."u8);
            fits = fits && (offset >= 2 || writer.TryAdd((directory.Parent ?? directory).Id, 2, DirectoryType, ".."u8));
            MemDirectory entries = directory.Entries;
            for (int index = entries.IndexAfter(Math.Max(offset, 2)); fits && index < entries.Count; index++)
            {
                MemDirEntry entry = entries[index];
                MemNode node = entry.Node;
                if (plus)
                {
                    FuseEntryOut entryOut = EntryOf(node);
                    fits = writer.TryAdd(node.Id, entry.Cookie, node.DirentType, entry.Name, entryOut);
                    if (fits)
                    {
                        node.Lookups++;
                    }
                }
                else
                {
                    fits = writer.TryAdd(node.Id, entry.Cookie, node.DirentType, entry.Name);
                }
            }

            written = writer.BytesWritten;
        }

        reply.CommitData(written);
    }
}
