using System;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace MemFs;

/// <content>RENAME and RENAME2: plain, RENAME_NOREPLACE and RENAME_EXCHANGE.</content>
public partial class MemFileSystem
{
    /// <inheritdoc/>
    public override void Rename(in FuseRequest request, ulong newDirectory, ReadOnlySpan<byte> name, ReadOnlySpan<byte> newName, RenameFlags flags, FuseReplySink reply)
    {
        int errno;
        lock (_gate)
        {
            errno = RenameLocked(request.NodeId, newDirectory, name, newName, flags);
        }

        if (errno == 0)
        {
            reply.Ok();
        }
        else
        {
            reply.Error(errno);
        }
    }

    private int RenameLocked(ulong directoryId, ulong newDirectoryId, ReadOnlySpan<byte> name, ReadOnlySpan<byte> newName, RenameFlags flags)
    {
        if ((flags & ~(RenameFlags.NoReplace | RenameFlags.Exchange)) != 0 || flags == (RenameFlags.NoReplace | RenameFlags.Exchange))
        {
            return Errno.EINVAL;
        }

        MemNode? from = Node(directoryId);
        MemNode? to = Node(newDirectoryId);
        if (from is null || to is null)
        {
            return Errno.ENOENT;
        }

        if (from.Entries is null || to.Entries is null)
        {
            return Errno.ENOTDIR;
        }

        if (!IsValidName(newName))
        {
            return newName.Length > FuseConstants.NameMax ? Errno.ENAMETOOLONG : Errno.EINVAL;
        }

        MemDirEntry? source = from.Entries.FindEntry(name);
        if (source is null)
        {
            return Errno.ENOENT;
        }

        MemNode moving = source.Node;
        MemDirEntry? target = to.Entries.FindEntry(newName);
        if (moving.IsDirectory && !ReferenceEquals(from, to) && IsAncestor(moving, to))
        {
            return Errno.EINVAL; // into its own subtree
        }

        if ((flags & RenameFlags.Exchange) != 0)
        {
            return target is null ? Errno.ENOENT : Exchange(from, source, to, target);
        }

        if (target is not null)
        {
            if ((flags & RenameFlags.NoReplace) != 0)
            {
                return Errno.EEXIST;
            }

            MemNode replaced = target.Node;
            if (ReferenceEquals(replaced, moving))
            {
                return 0; // two names of one node: nothing to do
            }

            int errno = moving.IsDirectory
                ? (!replaced.IsDirectory ? Errno.ENOTDIR : replaced.Entries!.Count > 0 ? Errno.ENOTEMPTY : 0)
                : (replaced.IsDirectory ? Errno.EISDIR : 0);
            if (errno != 0)
            {
                return errno;
            }

            _ = to.Entries.Remove(newName);
            Unlinked(to, replaced);
            TryFree(replaced);
        }

        _ = from.Entries.Remove(name);
        to.Entries.Add(newName, moving);
        if (moving.IsDirectory && !ReferenceEquals(from, to))
        {
            from.NLink--;
            to.NLink++;
            moving.Parent = to;
        }

        moving.CTime = Now();
        Touch(from);
        Touch(to);
        return 0;
    }

    private int Exchange(MemNode from, MemDirEntry source, MemNode to, MemDirEntry target)
    {
        MemNode first = source.Node, second = target.Node;
        if (ReferenceEquals(first, second))
        {
            return 0;
        }

        if (second.IsDirectory && !ReferenceEquals(from, to) && IsAncestor(second, from))
        {
            return Errno.EINVAL;
        }

        source.Node = second;
        target.Node = first;
        if (!ReferenceEquals(from, to))
        {
            if (first.IsDirectory)
            {
                from.NLink--;
                to.NLink++;
                first.Parent = to;
            }

            if (second.IsDirectory)
            {
                to.NLink--;
                from.NLink++;
                second.Parent = from;
            }
        }

        MemTime now = Now();
        first.CTime = now;
        second.CTime = now;
        Touch(from);
        Touch(to);
        return 0;
    }
}
