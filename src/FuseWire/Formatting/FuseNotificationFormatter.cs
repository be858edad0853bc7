using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Formatting;

/// <summary>Writes a notification line: <c>notify CODE</c> and the notification's fields.</summary>
internal static class FuseNotificationFormatter
{
    /// <summary>Renders a decoded notification.</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The line.</returns>
    public static string Format(in FuseNotification notification)
    {
        FuseLineWriter w = new();
        Write(w, notification);
        return w.ToString();
    }

    /// <summary>Writes a decoded notification's line.</summary>
    /// <param name="w">The line.</param>
    /// <param name="notification">The notification.</param>
    public static void Write(FuseLineWriter w, in FuseNotification notification)
    {
        w.Word("notify");
        FuseNotifyCode code = notification.Code;
        string? name = FuseNames.TryGetNotifyName(code);
        if (name is null)
        {
            w.Signed("code", (int)code);
        }
        else
        {
            w.Word(name);
        }

        switch (code)
        {
            case FuseNotifyCode.Poll:
                w.Field("kh", notification.GetArgument<FuseNotifyPollWakeupOut>().Kh);
                break;
            case FuseNotifyCode.InvalInode:
                FuseNotifyInvalInodeOut inode = notification.GetArgument<FuseNotifyInvalInodeOut>();
                w.Field("ino", inode.Ino);
                w.Signed("off", inode.Off);
                w.Signed("len", inode.Len);
                break;
            case FuseNotifyCode.InvalEntry:
                FuseNotifyInvalEntryOut entry = notification.GetArgument<FuseNotifyInvalEntryOut>();
                w.Field("parent", entry.Parent);
                w.Quoted("name", notification.Name);
                if (entry.Flags != 0)
                {
                    w.Flags("flags", entry.Flags, FuseFlagTable.Expire);
                }

                break;
            case FuseNotifyCode.Store:
                FuseNotifyStoreOut store = notification.GetArgument<FuseNotifyStoreOut>();
                w.Field("nodeid", store.NodeId);
                w.Field("offset", store.Offset);
                w.Field("size", store.Size);
                w.Size("data", notification.Data.Length);
                break;
            case FuseNotifyCode.Retrieve:
                FuseNotifyRetrieveOut retrieve = notification.GetArgument<FuseNotifyRetrieveOut>();
                w.Field("notify_unique", retrieve.NotifyUnique);
                w.Field("nodeid", retrieve.NodeId);
                w.Field("offset", retrieve.Offset);
                w.Field("size", retrieve.Size);
                break;
            case FuseNotifyCode.Delete:
                FuseNotifyDeleteOut delete = notification.GetArgument<FuseNotifyDeleteOut>();
                w.Field("parent", delete.Parent);
                w.Field("child", delete.Child);
                w.Quoted("name", notification.Name);
                break;
            case FuseNotifyCode.Prune:
                Prune(w, notification.GetArgument<FuseNotifyPruneOut>().Count, notification.PruneNodeIds);
                break;
            default:
                break;
        }
    }

    private static void Prune(FuseLineWriter w, uint count, ReadOnlySpan<ulong> nodeIds)
    {
        w.Field("count", count);
        w.BeginList("nodeids");
        for (int i = 0; i < nodeIds.Length && i < FuseLineWriter.ListLimit; i++)
        {
            w.Item(nodeIds[i]);
        }

        if (nodeIds.Length > FuseLineWriter.ListLimit)
        {
            w.Ellipsis();
        }

        w.EndList();
    }
}
