using System;
using FuseWire.Buffers;
using FuseWire.Codec;

namespace FuseWire.Sessions;

/// <content>Notifications from the daemon to the kernel. Each returns 0, or a positive errno the kernel answered (ENOENT: nothing cached).</content>
public sealed partial class FuseSession
{
    /// <summary>Invalidates cached data (and attributes) of a node: FUSE_NOTIFY_INVAL_INODE.</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="offset">Start of the range; negative to invalidate the attributes only.</param>
    /// <param name="length">Length of the range; 0 or negative for to the end (the kernel's fuse_reverse_inval_inode).</param>
    /// <returns>0, or the errno of the write.</returns>
    public int NotifyInvalInode(ulong nodeId, long offset, long length)
    {
        lock (_notifyLock)
        {
            FixedBufferWriter output = BeginNotify();
            return SendNotify(FuseNotificationWriter.WriteInvalInode(output, nodeId, offset, length));
        }
    }

    /// <summary>Invalidates a cached directory entry: FUSE_NOTIFY_INVAL_ENTRY.</summary>
    /// <param name="parent">The parent directory.</param>
    /// <param name="name">The entry's name.</param>
    /// <returns>0, or the errno of the write.</returns>
    public int NotifyInvalEntry(ulong parent, ReadOnlySpan<byte> name)
    {
        lock (_notifyLock)
        {
            FixedBufferWriter output = BeginNotify();
            return SendNotify(FuseNotificationWriter.WriteInvalEntry(output, parent, name));
        }
    }

    /// <summary>Tells the kernel an entry was deleted: FUSE_NOTIFY_DELETE.</summary>
    /// <param name="parent">The parent directory.</param>
    /// <param name="child">The deleted node.</param>
    /// <param name="name">The entry's name.</param>
    /// <returns>0, or the errno of the write.</returns>
    public int NotifyDelete(ulong parent, ulong child, ReadOnlySpan<byte> name)
    {
        lock (_notifyLock)
        {
            FixedBufferWriter output = BeginNotify();
            return SendNotify(FuseNotificationWriter.WriteDelete(output, parent, child, name));
        }
    }

    /// <summary>Stores data into the kernel's page cache: FUSE_NOTIFY_STORE.</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="offset">The offset.</param>
    /// <param name="data">The data.</param>
    /// <returns>0, or the errno of the write.</returns>
    public int NotifyStore(ulong nodeId, ulong offset, ReadOnlySpan<byte> data)
    {
        lock (_notifyLock)
        {
            FixedBufferWriter output = BeginNotify();
            return SendNotify(FuseNotificationWriter.WriteStore(output, nodeId, offset, data));
        }
    }

    /// <summary>Asks for the kernel's cached data: FUSE_NOTIFY_RETRIEVE; the answer arrives at <see cref="FuseFileSystem.RetrieveReply"/>.</summary>
    /// <param name="notifyUnique">A unique to recognise the answer by.</param>
    /// <param name="nodeId">The node.</param>
    /// <param name="offset">The offset.</param>
    /// <param name="size">Bytes wanted.</param>
    /// <returns>0, or the errno of the write.</returns>
    public int NotifyRetrieve(ulong notifyUnique, ulong nodeId, ulong offset, uint size)
    {
        lock (_notifyLock)
        {
            FixedBufferWriter output = BeginNotify();
            return SendNotify(FuseNotificationWriter.WriteRetrieve(output, notifyUnique, nodeId, offset, size));
        }
    }

    /// <summary>Wakes up a poller: FUSE_NOTIFY_POLL.</summary>
    /// <param name="kh">The kernel handle from the POLL request.</param>
    /// <returns>0, or the errno of the write.</returns>
    public int NotifyPoll(ulong kh)
    {
        lock (_notifyLock)
        {
            FixedBufferWriter output = BeginNotify();
            return SendNotify(FuseNotificationWriter.WritePollWakeup(output, kh));
        }
    }

    private FixedBufferWriter BeginNotify()
    {
        _notifyWriter ??= new FixedBufferWriter(_notifyBuffer);
        _notifyWriter.Reset();
        return _notifyWriter;
    }

    private int SendNotify(int length)
    {
        ReadOnlySpan<byte> frame = _notifyBuffer.AsSpan(0, length);
        _options.Observer?.Invoke(frame, false);
        return _device.Write(frame);
    }
}
