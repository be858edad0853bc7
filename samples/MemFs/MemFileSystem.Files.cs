using System;
using System.Buffers;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace MemFs;

/// <content>Open files: open, read, write, release, fallocate, copy_file_range.</content>
public partial class MemFileSystem
{
    private const uint FallocKeepSize = 0x1;
    private const uint FallocPunchHole = 0x2;
    private const uint FallocZeroRange = 0x10;

    /// <inheritdoc/>
    public override void Open(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply)
    {
        FuseOpenOut open;
        lock (_gate)
        {
            MemNode? node = Node(request.NodeId);
            if (node is null || node.IsDirectory)
            {
                reply.Error(node is null ? Errno.ENOENT : Errno.EISDIR);
                return;
            }

            if ((arg.Flags & TruncateFlag) != 0 && (arg.Flags & AccessModeMask) != 0 && node.Content is { } content)
            {
                // FUSE_ATOMIC_O_TRUNC: the truncation is ours to do.
                content.SetLength(0);
                node.MTime = node.CTime = Now();
                if (request.Header.Uid != 0)
                {
                    node.KillSuidGid();
                }
            }

            open = OpenHandle(node);
        }

        reply.Open(open);
    }

    /// <inheritdoc/>
    public override void Read(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply)
    {
        int length;
        lock (_gate)
        {
            MemNode? node = NodeOf(arg.Fh, request.NodeId);
            if (node?.Content is null)
            {
                reply.Error(node is null ? Errno.EBADF : Errno.EISDIR);
                return;
            }

            Span<byte> buffer = reply.GetDataBuffer((int)Math.Min(arg.Size, (uint)reply.MaxPayload));
            length = arg.Offset > long.MaxValue ? 0 : node.Content.Read((long)arg.Offset, buffer);
        }

        reply.CommitData(length);
    }

    /// <inheritdoc/>
    public override void Write(in FuseRequest request, in FuseWriteIn arg, ReadOnlySpan<byte> data, FuseReplySink reply)
    {
        lock (_gate)
        {
            MemNode? node = NodeOf(arg.Fh, request.NodeId);
            if (node?.Content is null)
            {
                reply.Error(node is null ? Errno.EBADF : Errno.EISDIR);
                return;
            }

            if (arg.Offset > (ulong)(long.MaxValue - data.Length))
            {
                reply.Error(Errno.EFBIG);
                return;
            }

            node.Content.Write((long)arg.Offset, data);
            node.MTime = node.CTime = Now();
            if (request.Header.Uid != 0)
            {
                node.KillSuidGid();
            }
        }

        reply.Written((uint)data.Length);
    }

    /// <inheritdoc/>
    public override void Flush(in FuseRequest request, in FuseFlushIn arg, FuseReplySink reply) => reply.Ok();

    /// <inheritdoc/>
    public override void Fsync(in FuseRequest request, in FuseFsyncIn arg, FuseReplySink reply) => reply.Ok();

    /// <inheritdoc/>
    public override void Release(in FuseRequest request, in FuseReleaseIn arg, FuseReplySink reply)
    {
        CloseHandle(arg.Fh);
        reply.Ok();
    }

    /// <inheritdoc/>
    public override void Fallocate(in FuseRequest request, in FuseFallocateIn arg, FuseReplySink reply)
    {
        if ((arg.Mode & ~(FallocKeepSize | FallocPunchHole | FallocZeroRange)) != 0
            || ((arg.Mode & FallocPunchHole) != 0 && (arg.Mode & (FallocKeepSize | FallocZeroRange)) != FallocKeepSize))
        {
            reply.Error(Errno.EOPNOTSUPP);
            return;
        }

        if (arg.Offset > long.MaxValue || arg.Length > (ulong)long.MaxValue - arg.Offset)
        {
            reply.Error(Errno.EFBIG);
            return;
        }

        lock (_gate)
        {
            MemNode? node = NodeOf(arg.Fh, request.NodeId);
            if (node?.Content is not { } content)
            {
                reply.Error(node is null ? Errno.EBADF : Errno.ENODEV);
                return;
            }

            long offset = (long)arg.Offset, end = offset + (long)arg.Length;
            if ((arg.Mode & (FallocPunchHole | FallocZeroRange)) != 0)
            {
                content.Zero(offset, (long)arg.Length);
            }

            if ((arg.Mode & FallocKeepSize) == 0 && end > content.Length)
            {
                content.SetLength(end);
            }

            node.MTime = node.CTime = Now();
        }

        reply.Ok();
    }

    /// <inheritdoc/>
    public override void CopyFileRange(in FuseRequest request, in FuseCopyFileRangeIn arg, FuseReplySink reply)
    {
        const int piece = MemContent.ChunkSize;
        ulong copied = 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(piece);
        try
        {
            lock (_gate)
            {
                MemNode? input = NodeOf(arg.FhIn, request.NodeId);
                MemNode? output = NodeOf(arg.FhOut, arg.NodeIdOut);
                if (input?.Content is null || output?.Content is null)
                {
                    reply.Error(input is null || output is null ? Errno.EBADF : Errno.EINVAL);
                    return;
                }

                if (arg.OffIn > long.MaxValue || arg.OffOut > long.MaxValue || arg.Len > (ulong)long.MaxValue - arg.OffOut)
                {
                    reply.Error(Errno.EFBIG);
                    return;
                }

                // Copy what the source holds when the copy starts, never bytes the copy itself wrote: a file copied onto itself at a
                // higher offset would otherwise keep finding (sparse) bytes to copy until the 4 GiB cap. Overlapping ranges of one file
                // are EINVAL, as copy_file_range(2) says.
                ulong available = input.Content.Length > (long)arg.OffIn ? (ulong)(input.Content.Length - (long)arg.OffIn) : 0;
                ulong wanted = Math.Min(Math.Min(arg.Len, uint.MaxValue), available);
                if (ReferenceEquals(input, output) && wanted > 0 && arg.OffIn < arg.OffOut + wanted && arg.OffOut < arg.OffIn + wanted)
                {
                    reply.Error(Errno.EINVAL);
                    return;
                }

                while (copied < wanted)
                {
                    int take = (int)Math.Min((ulong)piece, wanted - copied);
                    int read = input.Content.Read((long)(arg.OffIn + copied), buffer.AsSpan(0, take));
                    if (read == 0)
                    {
                        break;
                    }

                    output.Content.Write((long)(arg.OffOut + copied), buffer.AsSpan(0, read));
                    copied += (ulong)read;
                }

                if (copied > 0)
                {
                    output.MTime = output.CTime = Now();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        reply.Copied(copied);
    }

    /// <summary>Opens a handle on <paramref name="node"/>: the node stays alive until the handle is released.</summary>
    private FuseOpenOut OpenHandle(MemNode node)
    {
        ulong handle = _nextHandle++;
        _handles.Add(handle, node);
        node.OpenHandles++;
        FopenFlags flags = _options.KeepCache && !node.IsDirectory ? FopenFlags.KeepCache : FopenFlags.None;
        return new FuseOpenOut { Fh = handle, OpenFlags = (uint)flags };
    }

    private void CloseHandle(ulong handle)
    {
        lock (_gate)
        {
            if (_handles.Remove(handle, out MemNode? node))
            {
                node.OpenHandles--;
                TryFree(node);
            }
        }
    }
}
