using System;
using System.Buffers;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Tests.Properties;

/// <summary>Generates valid notification frames of every notify code.</summary>
internal static class NotificationGen
{
    public static Gen<byte[]> Any { get; } =
        from code in Gen.Choose(1, 9)
        from a in ByteGen.UInt64
        from b in ByteGen.UInt64
        from size in ByteGen.UInt32
        from name in ByteGen.EntryName
        from data in ByteGen.Bytes(0, 64)
        select Write((FuseNotifyCode)code, a, b, size, name, data);

    private static byte[] Write(FuseNotifyCode code, ulong a, ulong b, uint size, byte[] name, byte[] data)
    {
        ArrayBufferWriter<byte> output = new();
        _ = code switch
        {
            FuseNotifyCode.Poll => FuseNotificationWriter.WritePollWakeup(output, a),
            FuseNotifyCode.InvalInode => FuseNotificationWriter.WriteInvalInode(output, a, (long)b, (long)size - 1),
            FuseNotifyCode.InvalEntry => FuseNotificationWriter.WriteInvalEntry(output, a, name, (FuseExpireFlags)(size & 1)),
            FuseNotifyCode.Store => FuseNotificationWriter.WriteStore(output, a, b, data),
            FuseNotifyCode.Retrieve => FuseNotificationWriter.WriteRetrieve(output, a, b, a ^ b, size),
            FuseNotifyCode.Delete => FuseNotificationWriter.WriteDelete(output, a, b, name),
            FuseNotifyCode.Prune => FuseNotificationWriter.WritePrune(output, MemoryMarshal.Cast<byte, ulong>(data.AsSpan(0, data.Length & ~7))),
            _ => FuseNotificationWriter.WriteEmpty(output, code),
        };
        return output.WrittenSpan.ToArray();
    }
}
