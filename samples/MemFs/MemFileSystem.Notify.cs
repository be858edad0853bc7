using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace MemFs;

/// <content>
/// What notifications need from the file system: unlinking behind the kernel's back (for FUSE_NOTIFY_DELETE), the kernel's
/// answers to FUSE_NOTIFY_RETRIEVE, and POLL with wake-ups (FUSE_NOTIFY_POLL).
/// </content>
public partial class MemFileSystem
{
    private const uint PollIn = 0x1; // POLLIN
    private const uint PollOut = 0x4; // POLLOUT
    private readonly ConcurrentQueue<MemRetrieved> _retrieved = new();
    private readonly Dictionary<ulong, uint> _pollEvents = [];
    private readonly Dictionary<ulong, List<ulong>> _pollWaiters = [];

    /// <summary>The kernel's answers to FUSE_NOTIFY_RETRIEVE received so far, oldest first (thread-safe).</summary>
    public IReadOnlyCollection<MemRetrieved> Retrieved => _retrieved;

    /// <summary>Records the kernel's answer to a retrieve notification in <see cref="Retrieved"/>.</summary>
    /// <param name="notifyUnique">The unique the retrieve notification carried.</param>
    /// <param name="nodeId">The node.</param>
    /// <param name="offset">The offset of the data.</param>
    /// <param name="data">The data.</param>
    public override void RetrieveReply(ulong notifyUnique, ulong nodeId, ulong offset, ReadOnlySpan<byte> data) =>
        _retrieved.Enqueue(new MemRetrieved(notifyUnique, nodeId, offset, data.ToArray()));

    /// <summary>
    /// Answers POLL: regular files are always readable and writable (POLLIN | POLLOUT), plus the events raised with
    /// <see cref="RaisePollEventsBehindKernel"/>; when the kernel asks for a notification, its handle is kept for that call.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    public override void Poll(in FuseRequest request, in FusePollIn arg, FuseReplySink reply)
    {
        uint events;
        lock (_gate)
        {
            if (!_handles.TryGetValue(arg.Fh, out MemNode? node))
            {
                reply.Error(Errno.EBADF);
                return;
            }

            events = (node.IsDirectory ? 0 : PollIn | PollOut) | _pollEvents.GetValueOrDefault(node.Id);
            if ((arg.Flags & (uint)FusePollFlags.ScheduleNotify) != 0)
            {
                if (!_pollWaiters.TryGetValue(node.Id, out List<ulong>? waiters))
                {
                    waiters = [];
                    _pollWaiters.Add(node.Id, waiters);
                }

                if (!waiters.Contains(arg.Kh))
                {
                    waiters.Add(arg.Kh);
                }
            }
        }

        reply.Poll(events);
    }

    /// <summary>
    /// Adds poll events (POLLPRI, say) to a node from now on and hands back the kernel handles waiting for a wake-up
    /// (forgetting them): the host then sends FUSE_NOTIFY_POLL for each.
    /// </summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="events">The poll(2) event bits to add.</param>
    /// <returns>The kernel poll handles that asked to be notified.</returns>
    public IReadOnlyList<ulong> RaisePollEventsBehindKernel(ulong nodeId, uint events)
    {
        lock (_gate)
        {
            _pollEvents[nodeId] = _pollEvents.GetValueOrDefault(nodeId) | events;
            return _pollWaiters.Remove(nodeId, out List<ulong>? waiters) ? waiters : [];
        }
    }

    /// <summary>The kernel poll handles that asked to be notified about <paramref name="nodeId"/> (a snapshot).</summary>
    /// <param name="nodeId">The node.</param>
    /// <returns>The handles.</returns>
    public IReadOnlyList<ulong> PollWaiters(ulong nodeId)
    {
        lock (_gate)
        {
            return _pollWaiters.TryGetValue(nodeId, out List<ulong>? waiters) ? [.. waiters] : [];
        }
    }

    /// <summary>
    /// Removes a name behind the kernel's back (like unlink, or rmdir for an empty directory): the kernel keeps the name
    /// cached until the host sends FUSE_NOTIFY_DELETE or INVAL_ENTRY.
    /// </summary>
    /// <param name="path">A path relative to the root.</param>
    /// <returns>The node id the name referred to.</returns>
    /// <exception cref="IOException">The name cannot be removed; the message names the errno.</exception>
    public ulong UnlinkBehindKernel(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (_gate)
        {
            (MemNode? parent, byte[] name) = ResolveParent(path);
            MemNode? child = parent?.Entries?.Find(name);
            int errno = child is null ? Errno.ENOENT : child.IsDirectory && child.Entries!.Count > 0 ? Errno.ENOTEMPTY : 0;
            if (errno != 0)
            {
                throw new IOException($"Cannot unlink '{path}': {FuseNames.TryGetErrnoName(errno) ?? errno.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }

            _ = parent!.Entries!.Remove(name);
            Unlinked(parent, child!);
            Touch(parent);
            TryFree(child!);
            return child!.Id;
        }
    }
}
