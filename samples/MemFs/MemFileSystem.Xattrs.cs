using System;
using System.Collections.Generic;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace MemFs;

/// <content>
/// Extended attributes, with XATTR_CREATE / XATTR_REPLACE, ERANGE and ENODATA as the xattr(7) calls expect. The system.*
/// namespace (POSIX ACLs) is not supported: setting answers EOPNOTSUPP.
/// </content>
public partial class MemFileSystem
{
    private const uint XattrCreate = 1;
    private const uint XattrReplace = 2;
    private const int MaxXattrValue = 64 * 1024;
    private const int MaxXattrNames = 64 * 1024;

    /// <inheritdoc/>
    public override void Setxattr(in FuseRequest request, in FuseSetxattrIn arg, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, FuseReplySink reply)
    {
        if (name.Length is 0 or > 255)
        {
            reply.Error(Errno.ERANGE);
            return;
        }

        if (value.Length > MaxXattrValue)
        {
            reply.Error(Errno.E2BIG);
            return;
        }

        if (name.StartsWith("system."u8))
        {
            // POSIX ACLs are not negotiated, so the kernel passes system.posix_acl_* through. Storing them would make
            // tools like cp -a believe the ACL (and with it the mode) was set: refuse, as tmpfs without ACLs does.
            reply.Error(Errno.EOPNOTSUPP);
            return;
        }

        int errno = 0;
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node is null)
            {
                errno = Errno.ENOENT;
            }
            else
            {
                node.Xattrs ??= new Dictionary<byte[], byte[]>(NameComparer.Instance);
                Dictionary<byte[], byte[]>.AlternateLookup<ReadOnlySpan<byte>> lookup = node.Xattrs.GetAlternateLookup<ReadOnlySpan<byte>>();
                bool exists = lookup.ContainsKey(name);
                if ((arg.Flags & XattrCreate) != 0 && exists)
                {
                    errno = Errno.EEXIST;
                }
                else if ((arg.Flags & XattrReplace) != 0 && !exists)
                {
                    errno = Errno.ENODATA;
                }
                else if (!exists && NamesLength(node.Xattrs) + name.Length + 1 > MaxXattrNames)
                {
                    errno = Errno.ENOSPC;
                }
                else
                {
                    lookup[name] = value.ToArray();
                    node.CTime = Now();
                }
            }
        }

        Answer(reply, errno);
    }

    /// <inheritdoc/>
    public override void Getxattr(in FuseRequest request, in FuseGetxattrIn arg, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node is null)
            {
                reply.Error(Errno.ENOENT);
                return;
            }

            if (node.Xattrs is null || !node.Xattrs.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(name, out byte[]? value))
            {
                reply.Error(Errno.ENODATA);
                return;
            }

            if (arg.Size == 0)
            {
                reply.XattrSize((uint)value.Length);
            }
            else if ((uint)value.Length > arg.Size)
            {
                reply.Error(Errno.ERANGE);
            }
            else
            {
                reply.Data(value);
            }
        }
    }

    /// <inheritdoc/>
    public override void Listxattr(in FuseRequest request, in FuseGetxattrIn arg, FuseReplySink reply)
    {
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node is null)
            {
                reply.Error(Errno.ENOENT);
                return;
            }

            int total = node.Xattrs is null ? 0 : NamesLength(node.Xattrs);
            if (arg.Size == 0)
            {
                reply.XattrSize((uint)total);
                return;
            }

            if ((uint)total > arg.Size)
            {
                reply.Error(Errno.ERANGE);
                return;
            }

            Span<byte> buffer = reply.GetDataBuffer(total);
            int position = 0;
            if (node.Xattrs is not null)
            {
                foreach (byte[] name in node.Xattrs.Keys)
                {
                    name.CopyTo(buffer[position..]);
                    position += name.Length;
                    buffer[position++] = 0;
                }
            }

            reply.CommitData(position);
        }
    }

    /// <inheritdoc/>
    public override void Removexattr(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        int errno = 0;
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node is null)
            {
                errno = Errno.ENOENT;
            }
            else if (node.Xattrs is null || !node.Xattrs.GetAlternateLookup<ReadOnlySpan<byte>>().Remove(name))
            {
                errno = Errno.ENODATA;
            }
            else
            {
                node.CTime = Now();
            }
        }

        Answer(reply, errno);
    }

    private static int NamesLength(Dictionary<byte[], byte[]> xattrs)
    {
        int total = 0;
        foreach (byte[] name in xattrs.Keys)
        {
            total += name.Length + 1;
        }

        return total;
    }

    private static void Answer(FuseReplySink reply, int errno)
    {
        if (errno == 0)
        {
            reply.Ok();
        }
        else
        {
            reply.Error(errno);
        }
    }
}
