using System;
using System.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Re-encodes a parsed notification with <see cref="FuseNotificationWriter"/> from its decoded fields.</summary>
internal static class NotificationRoundTrip
{
    public static byte[] Reencode(byte[] frame, in FuseProtocol protocol)
    {
        FuseNotification n = FuseNotification.Parse(frame, protocol);
        ArrayBufferWriter<byte> output = new();
        int length;
        switch (n.Code)
        {
            case FuseNotifyCode.Poll:
                length = FuseNotificationWriter.WritePollWakeup(output, n.GetArgument<FuseNotifyPollWakeupOut>().Kh);
                break;
            case FuseNotifyCode.InvalInode:
                FuseNotifyInvalInodeOut inode = n.GetArgument<FuseNotifyInvalInodeOut>();
                length = FuseNotificationWriter.WriteInvalInode(output, inode.Ino, inode.Off, inode.Len);
                break;
            case FuseNotifyCode.InvalEntry:
                FuseNotifyInvalEntryOut entry = n.GetArgument<FuseNotifyInvalEntryOut>();
                length = FuseNotificationWriter.WriteInvalEntry(output, entry.Parent, n.Name, (FuseExpireFlags)entry.Flags);
                break;
            case FuseNotifyCode.Store:
                FuseNotifyStoreOut store = n.GetArgument<FuseNotifyStoreOut>();
                length = FuseNotificationWriter.WriteStore(output, store.NodeId, store.Offset, n.Data);
                break;
            case FuseNotifyCode.Retrieve:
                FuseNotifyRetrieveOut retrieve = n.GetArgument<FuseNotifyRetrieveOut>();
                length = FuseNotificationWriter.WriteRetrieve(output, retrieve.NotifyUnique, retrieve.NodeId, retrieve.Offset, retrieve.Size);
                break;
            case FuseNotifyCode.Delete:
                FuseNotifyDeleteOut delete = n.GetArgument<FuseNotifyDeleteOut>();
                length = FuseNotificationWriter.WriteDelete(output, delete.Parent, delete.Child, n.Name);
                break;
            case FuseNotifyCode.Prune:
                length = FuseNotificationWriter.WritePrune(output, n.PruneNodeIds);
                break;
            case FuseNotifyCode.Resend or FuseNotifyCode.IncEpoch:
                length = FuseNotificationWriter.WriteEmpty(output, n.Code);
                break;
            default:
                throw new InvalidOperationException("Parse accepted an unknown notify code " + n.Code);
        }

        Assert.Equal(length, output.WrittenCount);
        return output.WrittenSpan.ToArray();
    }

    public static void AssertByteExact(byte[] frame, in FuseProtocol protocol) => Assert.Equal(frame, Reencode(frame, protocol));
}
