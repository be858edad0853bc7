using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Every notify code: written with <see cref="FuseNotificationWriter"/>, parsed with <see cref="FuseNotification.Parse"/>, compared.</summary>
public sealed class NotificationRoundTripTests
{
    private static readonly FuseProtocol Protocol = FuseProtocol.Latest;

    [Fact]
    public void EveryNotifyCode_IsCovered()
    {
        Assert.Equal(
            [FuseNotifyCode.Poll, FuseNotifyCode.InvalInode, FuseNotifyCode.InvalEntry, FuseNotifyCode.Store, FuseNotifyCode.Retrieve,
             FuseNotifyCode.Delete, FuseNotifyCode.Resend, FuseNotifyCode.IncEpoch, FuseNotifyCode.Prune],
            Enum.GetValues<FuseNotifyCode>());
    }

    private static FuseNotification ParseChecked(byte[] frame, FuseNotifyCode code, int argSize)
    {
        FuseNotification n = FuseNotification.Parse(frame, Protocol);
        Assert.Equal(code, n.Code);
        Assert.Equal((uint)frame.Length, MemoryMarshal.Read<uint>(frame));
        Assert.Equal(0ul, MemoryMarshal.Read<ulong>(frame.AsSpan(8)));
        Assert.Equal(argSize, n.Argument.Length);
        Assert.NotNull(FuseNames.TryGetNotifyName(code));
        NotificationRoundTrip.AssertByteExact(frame, Protocol);
        return n;
    }

    [Fact]
    public void PollWakeup_RoundTrips()
    {
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WritePollWakeup(o, 0xFEED_F00D_1234UL));
        Assert.Equal(16 + 8, frame.Length);
        FuseNotification n = ParseChecked(frame, FuseNotifyCode.Poll, 8);
        Assert.Equal(0xFEED_F00D_1234UL, n.GetArgument<FuseNotifyPollWakeupOut>().Kh);
        Assert.True(n.Name.IsEmpty);
        Assert.True(n.Data.IsEmpty);
    }

    [Fact]
    public void InvalInode_RoundTrips()
    {
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WriteInvalInode(o, 42, 4096, -1));
        FuseNotifyInvalInodeOut arg = ParseChecked(frame, FuseNotifyCode.InvalInode, 24).GetArgument<FuseNotifyInvalInodeOut>();
        Assert.Equal(42ul, arg.Ino);
        Assert.Equal(4096L, arg.Off);
        Assert.Equal(-1L, arg.Len);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("some file.txt")]
    [InlineData("ünïcødé")]
    public void InvalEntry_RoundTrips(string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WriteInvalEntry(o, 7, bytes, FuseExpireFlags.ExpireOnly));
        Assert.Equal(16 + 16 + bytes.Length + 1, frame.Length);
        Assert.Equal(0, frame[^1]);
        FuseNotification n = ParseChecked(frame, FuseNotifyCode.InvalEntry, 16);
        FuseNotifyInvalEntryOut arg = n.GetArgument<FuseNotifyInvalEntryOut>();
        Assert.Equal(7ul, arg.Parent);
        Assert.Equal((uint)bytes.Length, arg.NameLen);
        Assert.Equal((uint)FuseExpireFlags.ExpireOnly, arg.Flags);
        Assert.Equal(bytes, n.Name.ToArray());
        Assert.True(n.Data.IsEmpty);
    }

    [Fact]
    public void Delete_RoundTrips()
    {
        byte[] name = new byte[255];
        name.AsSpan().Fill((byte)'d');
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WriteDelete(o, 8, 99, name));
        FuseNotification n = ParseChecked(frame, FuseNotifyCode.Delete, 24);
        FuseNotifyDeleteOut arg = n.GetArgument<FuseNotifyDeleteOut>();
        Assert.Equal(8ul, arg.Parent);
        Assert.Equal(99ul, arg.Child);
        Assert.Equal(255u, arg.NameLen);
        Assert.Equal(name, n.Name.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    public void Store_RoundTrips(int size)
    {
        byte[] data = WireBytes.Pattern(size, 4);
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WriteStore(o, 12, 8192, data));
        FuseNotification n = ParseChecked(frame, FuseNotifyCode.Store, 24);
        FuseNotifyStoreOut arg = n.GetArgument<FuseNotifyStoreOut>();
        Assert.Equal(12ul, arg.NodeId);
        Assert.Equal(8192ul, arg.Offset);
        Assert.Equal((uint)size, arg.Size);
        Assert.Equal(data, n.Data.ToArray());
        Assert.True(n.Name.IsEmpty);
    }

    [Fact]
    public void Retrieve_RoundTrips()
    {
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WriteRetrieve(o, 555, 13, 65536, 8192));
        FuseNotifyRetrieveOut arg = ParseChecked(frame, FuseNotifyCode.Retrieve, 32).GetArgument<FuseNotifyRetrieveOut>();
        Assert.Equal(555ul, arg.NotifyUnique);
        Assert.Equal(13ul, arg.NodeId);
        Assert.Equal(65536ul, arg.Offset);
        Assert.Equal(8192u, arg.Size);
    }

    [Theory]
    [InlineData(FuseNotifyCode.Resend)]
    [InlineData(FuseNotifyCode.IncEpoch)]
    public void EmptyNotifications_RoundTrip(FuseNotifyCode code)
    {
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WriteEmpty(o, code));
        Assert.Equal(16, frame.Length);
        FuseNotification n = ParseChecked(frame, code, 0);
        Assert.True(n.Data.IsEmpty);
    }

    [Fact]
    public void WriteEmpty_RefusesCodesWithABody()
    {
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseNotificationWriter.WriteEmpty(o, FuseNotifyCode.Poll)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Prune_RoundTrips(int count)
    {
        ulong[] ids = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = 0x1000_0000_0000UL + (ulong)i;
        }

        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WritePrune(o, ids));
        Assert.Equal(16 + 16 + (8 * count), frame.Length);
        FuseNotification n = ParseChecked(frame, FuseNotifyCode.Prune, 16);
        Assert.Equal((uint)count, n.GetArgument<FuseNotifyPruneOut>().Count);
        Assert.Equal(ids, n.PruneNodeIds.ToArray());
    }

    [Fact]
    public void NameNotifications_RefuseInvalidNames()
    {
        ArrayBufferWriter<byte> output = new();
        Assert.Throws<ArgumentException>(() => FuseNotificationWriter.WriteInvalEntry(output, 1, ReadOnlySpan<byte>.Empty));
        Assert.Throws<ArgumentException>(() => FuseNotificationWriter.WriteInvalEntry(output, 1, "a/b"u8));
        Assert.Throws<ArgumentException>(() => FuseNotificationWriter.WriteDelete(output, 1, 2, "a\0"u8));
        Assert.Throws<ArgumentException>(() => FuseNotificationWriter.WriteDelete(output, 1, 2, new byte[256]));
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void UnknownCode_AndNonZeroUnique_AreRefused()
    {
        byte[] frame = WireBytes.Capture(o => FuseNotificationWriter.WriteEmpty(o, FuseNotifyCode.Resend));
        MemoryMarshal.Write(frame.AsSpan(4), 10);
        Assert.Equal(FuseProtocolRule.UnknownNotifyCode, Assert.Throws<FuseProtocolException>(() => FuseNotification.Parse(frame, Protocol)).Rule);
        MemoryMarshal.Write(frame.AsSpan(4), (int)FuseNotifyCode.Resend);
        MemoryMarshal.Write(frame.AsSpan(8), 1UL);
        Assert.False(FuseNotification.TryParse(frame, Protocol, out FuseNotification n, out FuseProtocolError error));
        Assert.Equal(FuseProtocolRule.UniqueNotOutstanding, error.Rule);
        Assert.True(n.Frame.IsEmpty);
    }
}
