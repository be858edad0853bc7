using System;
using System.Buffers;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>
/// Writes notifications (daemon to kernel: unique 0, the notify code in <c>error</c>) into an <see cref="IBufferWriter{T}"/>.
/// </summary>
public static class FuseNotificationWriter
{
    /// <summary>Writes FUSE_NOTIFY_POLL: wake up the poller of <paramref name="kh"/>.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="kh">The kernel handle from the POLL request.</param>
    /// <returns>The frame's length.</returns>
    public static int WritePollWakeup(IBufferWriter<byte> output, ulong kh)
    {
        FuseNotifyPollWakeupOut arg = new() { Kh = kh };
        return Write(output, FuseNotifyCode.Poll, FuseReplyWriter.AsBytes(arg), default, false);
    }

    /// <summary>Writes FUSE_NOTIFY_INVAL_INODE.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="ino">The node id.</param>
    /// <param name="offset">Start of the range to invalidate; negative to invalidate the attributes only.</param>
    /// <param name="length">Length of the range; 0 or negative for to the end (the kernel's fuse_reverse_inval_inode).</param>
    /// <returns>The frame's length.</returns>
    public static int WriteInvalInode(IBufferWriter<byte> output, ulong ino, long offset, long length)
    {
        FuseNotifyInvalInodeOut arg = new() { Ino = ino, Off = offset, Len = length };
        return Write(output, FuseNotifyCode.InvalInode, FuseReplyWriter.AsBytes(arg), default, false);
    }

    /// <summary>Writes FUSE_NOTIFY_INVAL_ENTRY.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="parent">The parent directory's node id.</param>
    /// <param name="name">The entry's name.</param>
    /// <param name="flags">FUSE_EXPIRE_ONLY to expire rather than drop the entry.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteInvalEntry(IBufferWriter<byte> output, ulong parent, ReadOnlySpan<byte> name, FuseExpireFlags flags = FuseExpireFlags.None)
    {
        CheckName(name);
        FuseNotifyInvalEntryOut arg = new() { Parent = parent, NameLen = (uint)name.Length, Flags = (uint)flags };
        return Write(output, FuseNotifyCode.InvalEntry, FuseReplyWriter.AsBytes(arg), name, true);
    }

    /// <summary>Writes FUSE_NOTIFY_DELETE.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="parent">The parent directory's node id.</param>
    /// <param name="child">The deleted entry's node id.</param>
    /// <param name="name">The entry's name.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteDelete(IBufferWriter<byte> output, ulong parent, ulong child, ReadOnlySpan<byte> name)
    {
        CheckName(name);
        FuseNotifyDeleteOut arg = new() { Parent = parent, Child = child, NameLen = (uint)name.Length };
        return Write(output, FuseNotifyCode.Delete, FuseReplyWriter.AsBytes(arg), name, true);
    }

    /// <summary>Writes FUSE_NOTIFY_STORE: put <paramref name="data"/> into the page cache at <paramref name="offset"/>.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="nodeId">The node id.</param>
    /// <param name="offset">The offset.</param>
    /// <param name="data">The data.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteStore(IBufferWriter<byte> output, ulong nodeId, ulong offset, ReadOnlySpan<byte> data)
    {
        FuseNotifyStoreOut arg = new() { NodeId = nodeId, Offset = offset, Size = (uint)data.Length };
        return Write(output, FuseNotifyCode.Store, FuseReplyWriter.AsBytes(arg), data, false);
    }

    /// <summary>Writes FUSE_NOTIFY_RETRIEVE: ask for page-cache contents, answered by a NOTIFY_REPLY request with <paramref name="notifyUnique"/>.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="notifyUnique">The unique the kernel's NOTIFY_REPLY will carry.</param>
    /// <param name="nodeId">The node id.</param>
    /// <param name="offset">The offset.</param>
    /// <param name="size">Bytes wanted.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteRetrieve(IBufferWriter<byte> output, ulong notifyUnique, ulong nodeId, ulong offset, uint size)
    {
        FuseNotifyRetrieveOut arg = new() { NotifyUnique = notifyUnique, NodeId = nodeId, Offset = offset, Size = size };
        return Write(output, FuseNotifyCode.Retrieve, FuseReplyWriter.AsBytes(arg), default, false);
    }

    /// <summary>Writes a notification with no body: FUSE_NOTIFY_RESEND or FUSE_NOTIFY_INC_EPOCH.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="code">RESEND or INC_EPOCH.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteEmpty(IBufferWriter<byte> output, FuseNotifyCode code)
    {
        if (code is not (FuseNotifyCode.Resend or FuseNotifyCode.IncEpoch))
        {
            ThrowHelper.ThrowArgument("Only RESEND and INC_EPOCH have no body.", nameof(code));
        }

        return Write(output, code, default, default, false);
    }

    /// <summary>Writes FUSE_NOTIFY_PRUNE: ask the kernel to drop unused inodes.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="nodeIds">The node ids.</param>
    /// <returns>The frame's length.</returns>
    public static int WritePrune(IBufferWriter<byte> output, ReadOnlySpan<ulong> nodeIds)
    {
        FuseNotifyPruneOut arg = new() { Count = (uint)nodeIds.Length };
        return Write(output, FuseNotifyCode.Prune, FuseReplyWriter.AsBytes(arg), MemoryMarshal.AsBytes(nodeIds), false);
    }

    private static void CheckName(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name.Length > FuseConstants.NameMax || name.IndexOfAny((byte)0, (byte)'/') >= 0)
        {
            ThrowHelper.ThrowArgument("A name is 1 to 255 bytes without NUL or '/'.", nameof(name));
        }
    }

    private static int Write(IBufferWriter<byte> output, FuseNotifyCode code, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> tail, bool nul) =>
        FuseReplyWriter.WriteFrame(output, 0, (int)code, argument, tail, nul ? "\0"u8 : default);
}
