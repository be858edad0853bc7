using System;
using System.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Tests.Formatting;

/// <summary>One deterministic notification per notify code, built with <see cref="FuseNotificationWriter"/>.</summary>
internal static class SampleNotifications
{
    public static byte[] For(FuseNotifyCode code)
    {
        ArrayBufferWriter<byte> output = new();
        switch (code)
        {
            case FuseNotifyCode.Poll:
                FuseNotificationWriter.WritePollWakeup(output, 9);
                break;
            case FuseNotifyCode.InvalInode:
                FuseNotificationWriter.WriteInvalInode(output, 2, 0, -1);
                break;
            case FuseNotifyCode.InvalEntry:
                FuseNotificationWriter.WriteInvalEntry(output, 1, SampleRequests.Utf8("foo"));
                break;
            case FuseNotifyCode.Store:
                FuseNotificationWriter.WriteStore(output, 2, 4096, SampleRequests.Utf8("hello"));
                break;
            case FuseNotifyCode.Retrieve:
                FuseNotificationWriter.WriteRetrieve(output, 77, 2, 0, 4096);
                break;
            case FuseNotifyCode.Delete:
                FuseNotificationWriter.WriteDelete(output, 1, 2, SampleRequests.Utf8("gone.txt"));
                break;
            case FuseNotifyCode.Resend or FuseNotifyCode.IncEpoch:
                FuseNotificationWriter.WriteEmpty(output, code);
                break;
            case FuseNotifyCode.Prune:
                FuseNotificationWriter.WritePrune(output, [2, 3, 5, 8]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(code), code, "No sample notification.");
        }

        return output.WrittenSpan.ToArray();
    }
}
