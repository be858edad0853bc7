using System;
using System.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Tests.Validation;

/// <summary>Valid notification frames written by <see cref="FuseNotificationWriter"/>.</summary>
internal static class NotificationFrames
{
    /// <summary>INVAL_ENTRY: header 16, <c>fuse_notify_inval_entry_out</c> 16 (namelen at 24), name and NUL at 32.</summary>
    public static byte[] InvalEntry(ReadOnlySpan<byte> name)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseNotificationWriter.WriteInvalEntry(output, FuseConstants.RootId, name);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>INVAL_INODE: header 16, <c>fuse_notify_inval_inode_out</c> 24.</summary>
    public static byte[] InvalInode()
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseNotificationWriter.WriteInvalInode(output, 5, 0, -1);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>POLL wakeup: header 16, kh 8.</summary>
    public static byte[] PollWakeup()
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseNotificationWriter.WritePollWakeup(output, 77);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>STORE of <paramref name="data"/>: header 16, <c>fuse_notify_store_out</c> 24 (size at 32), data at 40.</summary>
    public static byte[] Store(ReadOnlySpan<byte> data)
    {
        ArrayBufferWriter<byte> output = new();
        _ = FuseNotificationWriter.WriteStore(output, 5, 0, data);
        return output.WrittenSpan.ToArray();
    }
}
