using System;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace MemFs;

/// <content>Names and attributes: lookup, getattr, setattr, and creating and removing names.</content>
public partial class MemFileSystem
{
    private const uint GetattrFh = 1; // FUSE_GETATTR_FH

    /// <inheritdoc/>
    public override void Lookup(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        FuseEntryOut entry;
        lock (_gate)
        {
            MemNode? directory = Node(request.NodeId);
            if (directory?.Entries is null)
            {
                reply.Error(directory is null ? Errno.ENOENT : Errno.ENOTDIR);
                return;
            }

            MemNode? child = name.SequenceEqual("."u8) ? directory
                : name.SequenceEqual(".."u8) ? directory.Parent
                : directory.Entries.Find(name);
            if (child is null)
            {
                reply.Error(name.Length > FuseConstants.NameMax ? Errno.ENAMETOOLONG : Errno.ENOENT);
                return;
            }

            entry = Reference(child);
        }

        reply.Entry(entry);
    }

    /// <inheritdoc/>
    public override void Getattr(in FuseRequest request, in FuseGetattrIn arg, FuseReplySink reply)
    {
        FuseAttrOut attr;
        lock (_gate)
        {
            MemNode? node = (arg.GetattrFlags & GetattrFh) != 0 ? NodeOf(arg.Fh, request.NodeId) : Node(request.NodeId);
            if (node is null)
            {
                reply.Error(Errno.ENOENT);
                return;
            }

            attr = AttrOutOf(node);
        }

        reply.Attr(attr);
    }

    /// <inheritdoc/>
    public override void Setattr(in FuseRequest request, in FuseSetattrIn arg, FuseReplySink reply)
    {
        FattrFlags valid = (FattrFlags)arg.Valid;
        FuseAttrOut attr;
        lock (_gate)
        {
            MemNode? node = (valid & FattrFlags.Fh) != 0 ? NodeOf(arg.Fh, request.NodeId) : Node(request.NodeId);
            if (node is null)
            {
                reply.Error(Errno.ENOENT);
                return;
            }

            MemTime now = Now();
            if ((valid & FattrFlags.Size) != 0)
            {
                if (node.Content is null)
                {
                    reply.Error(node.IsDirectory ? Errno.EISDIR : Errno.EINVAL);
                    return;
                }

                if (arg.Size > long.MaxValue)
                {
                    reply.Error(Errno.EFBIG);
                    return;
                }

                node.Content.SetLength((long)arg.Size);
                node.MTime = now;
                if (request.Header.Uid != 0)
                {
                    node.KillSuidGid();
                }
            }

            if ((valid & (FattrFlags.Uid | FattrFlags.Gid)) != 0)
            {
                if ((valid & FattrFlags.Uid) != 0)
                {
                    node.Uid = arg.Uid;
                }

                if ((valid & FattrFlags.Gid) != 0)
                {
                    node.Gid = arg.Gid;
                }

                node.KillSuidGid();
            }

            if ((valid & FattrFlags.KillSuidgid) != 0)
            {
                node.KillSuidGid();
            }

            if ((valid & FattrFlags.Mode) != 0)
            {
                node.Mode = (node.Mode & MemNode.TypeMask) | (arg.Mode & 0xFFF);
            }

            if ((valid & FattrFlags.AtimeNow) != 0)
            {
                node.ATime = now;
            }
            else if ((valid & FattrFlags.Atime) != 0)
            {
                node.ATime = new MemTime(arg.ATime, arg.ATimeNsec);
            }

            if ((valid & FattrFlags.MtimeNow) != 0)
            {
                node.MTime = now;
            }
            else if ((valid & FattrFlags.Mtime) != 0)
            {
                node.MTime = new MemTime(arg.MTime, arg.MTimeNsec);
            }

            node.CTime = (valid & FattrFlags.Ctime) != 0 ? new MemTime(arg.CTime, arg.CTimeNsec) : now;
            attr = AttrOutOf(node);
        }

        reply.Attr(attr);
    }

    /// <inheritdoc/>
    public override void Readlink(in FuseRequest request, FuseReplySink reply)
    {
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node?.LinkTarget is null)
            {
                reply.Error(node is null ? Errno.ENOENT : Errno.EINVAL);
                return;
            }

            // The target is copied into the reply buffer before the lock is released.
            reply.Data(node.LinkTarget);
        }
    }

    /// <inheritdoc/>
    public override void Symlink(in FuseRequest request, ReadOnlySpan<byte> name, ReadOnlySpan<byte> target, FuseReplySink reply)
    {
        if (target.Length is 0 or >= FuseConstants.PathMax)
        {
            reply.Error(target.Length == 0 ? Errno.ENOENT : Errno.ENAMETOOLONG);
            return;
        }

        FuseEntryOut entry;
        lock (_gate)
        {
            int errno = AddChild(request, name, MemNode.SymbolicLink | 0x1FF, out MemNode? node);
            if (node is null)
            {
                reply.Error(errno);
                return;
            }

            node.LinkTarget = target.ToArray();
            entry = Reference(node);
        }

        reply.Entry(entry);
    }

    /// <inheritdoc/>
    public override void Mknod(in FuseRequest request, in FuseMknodIn arg, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        uint type = arg.Mode & MemNode.TypeMask;
        if (type == 0)
        {
            type = MemNode.Regular;
        }

        if (type is MemNode.Directory or MemNode.SymbolicLink)
        {
            reply.Error(Errno.EINVAL);
            return;
        }

        FuseEntryOut entry;
        lock (_gate)
        {
            int errno = AddChild(request, name, type | (arg.Mode & ~arg.Umask & 0xFFF), out MemNode? node);
            if (node is null)
            {
                reply.Error(errno);
                return;
            }

            node.Rdev = arg.Rdev;
            entry = Reference(node);
        }

        reply.Entry(entry);
    }

    /// <inheritdoc/>
    public override void Mkdir(in FuseRequest request, in FuseMkdirIn arg, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        FuseEntryOut entry;
        lock (_gate)
        {
            int errno = AddChild(request, name, MemNode.Directory | (arg.Mode & ~arg.Umask & 0xFFF), out MemNode? node);
            if (node is null)
            {
                reply.Error(errno);
                return;
            }

            entry = Reference(node);
        }

        reply.Entry(entry);
    }

    /// <inheritdoc/>
    public override void Create(in FuseRequest request, in FuseCreateIn arg, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        FuseEntryOut entry;
        FuseOpenOut open;
        lock (_gate)
        {
            int errno = AddChild(request, name, MemNode.Regular | (arg.Mode & ~arg.Umask & 0xFFF), out MemNode? node);
            if (node is null)
            {
                reply.Error(errno);
                return;
            }

            entry = Reference(node);
            open = OpenHandle(node);
        }

        reply.Create(entry, open);
    }

    /// <inheritdoc/>
    public override void Link(in FuseRequest request, in FuseLinkIn arg, ReadOnlySpan<byte> newName, FuseReplySink reply)
    {
        FuseEntryOut entry;
        lock (_gate)
        {
            MemNode? node = Node(arg.OldNodeId);
            MemNode? directory = Node(request.NodeId);
            int errno = node is null || directory is null ? Errno.ENOENT
                : node.IsDirectory ? Errno.EPERM
                : CheckNewName(directory, newName);
            if (errno != 0)
            {
                reply.Error(errno);
                return;
            }

            directory!.Entries!.Add(newName, node!);
            node!.NLink++;
            node.CTime = Now();
            Touch(directory);
            entry = Reference(node);
        }

        reply.Entry(entry);
    }

    /// <inheritdoc/>
    public override void Unlink(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply) => Remove(request, name, directory: false, reply);

    /// <inheritdoc/>
    public override void Rmdir(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply) => Remove(request, name, directory: true, reply);

    /// <inheritdoc/>
    public override void Access(in FuseRequest request, in FuseAccessIn arg, FuseReplySink reply)
    {
        const uint execute = 1;
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node is null)
            {
                reply.Error(Errno.ENOENT);
                return;
            }

            uint wanted = arg.Mask & 7;
            bool allowed;
            if (request.Header.Uid == 0)
            {
                // Root may do anything, except execute a file nobody may execute.
                allowed = (wanted & execute) == 0 || node.IsDirectory || (node.Mode & 0x49) != 0;
            }
            else
            {
                uint bits = request.Header.Uid == node.Uid ? (node.Mode >> 6) & 7
                    : request.Header.Gid == node.Gid ? (node.Mode >> 3) & 7
                    : node.Mode & 7;
                allowed = (bits & wanted) == wanted;
            }

            if (allowed)
            {
                reply.Ok();
            }
            else
            {
                reply.Error(Errno.EACCES);
            }
        }
    }

    /// <summary>Checks that <paramref name="name"/> can be created in <paramref name="directory"/>: 0 or an errno.</summary>
    private static int CheckNewName(MemNode directory, ReadOnlySpan<byte> name)
    {
        if (directory.Entries is null)
        {
            return Errno.ENOTDIR;
        }

        if (!IsValidName(name))
        {
            return name.Length > FuseConstants.NameMax ? Errno.ENAMETOOLONG : Errno.EINVAL;
        }

        if (directory.NLink == 0)
        {
            return Errno.ENOENT; // removed meanwhile
        }

        return directory.Entries.Find(name) is null ? 0 : Errno.EEXIST;
    }

    /// <summary>Creates a node named <paramref name="name"/> in the request's directory, owned by the caller.</summary>
    private int AddChild(in FuseRequest request, ReadOnlySpan<byte> name, uint mode, out MemNode? child)
    {
        child = null;
        MemNode? directory = Node(request.NodeId);
        int errno = directory is null ? Errno.ENOENT : CheckNewName(directory, name);
        if (errno != 0)
        {
            return errno;
        }

        child = NewNode(mode, request.Header.Uid, request.Header.Gid, directory!);
        if (child.IsDirectory)
        {
            child.Parent = directory;
            directory!.NLink++;
        }

        directory!.Entries!.Add(name, child);
        Touch(directory);
        return 0;
    }

    private void Remove(in FuseRequest request, ReadOnlySpan<byte> name, bool directory, FuseReplySink reply)
    {
        lock (_gate)
        {
            MemNode? parent = Node(request.NodeId);
            MemNode? child = parent?.Entries?.Find(name);
            int errno = parent is null ? Errno.ENOENT
                : parent.Entries is null ? Errno.ENOTDIR
                : child is null ? Errno.ENOENT
                : directory && !child.IsDirectory ? Errno.ENOTDIR
                : !directory && child.IsDirectory ? Errno.EISDIR
                : directory && child.Entries!.Count > 0 ? Errno.ENOTEMPTY
                : 0;
            if (errno != 0)
            {
                reply.Error(errno);
                return;
            }

            _ = parent!.Entries!.Remove(name);
            Unlinked(parent, child!);
            Touch(parent);
            TryFree(child!);
        }

        reply.Ok();
    }

    /// <summary>Drops the link count a name gave <paramref name="child"/> (a directory's own and its ".." in the parent).</summary>
    private void Unlinked(MemNode parent, MemNode child)
    {
        if (child.IsDirectory)
        {
            child.NLink = 0;
            parent.NLink--;
        }
        else
        {
            child.NLink--;
        }

        child.CTime = Now();
    }
}
