using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Properties;

/// <summary>
/// Runs every decoder over a frame and checks that each either succeeds or fails with <see cref="FuseProtocolException"/> (Parse) / false (TryParse),
/// that a failing TryParse leaves its result default, and that every span a decoder hands out lies inside the frame.
/// </summary>
internal static class DecoderSafety
{
    /// <summary>Canary bytes placed before the frame; the frame ends the array, so nothing lies after it.</summary>
    private const int CanaryLength = 64;
    private const byte Canary = 0xC3;

    public static void Check(byte[] bytes, in FuseProtocol protocol, in FuseReplyContext context)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        byte[] buffer = new byte[CanaryLength + bytes.Length];
        buffer.AsSpan(0, CanaryLength).Fill(Canary);
        bytes.CopyTo(buffer, CanaryLength);
        ReadOnlySpan<byte> frame = buffer.AsSpan(CanaryLength);

        CheckRequest(frame, protocol);
        CheckReply(frame, context, protocol, FuseReplyStrictness.Lenient);
        CheckReply(frame, context, protocol, FuseReplyStrictness.Strict);
        CheckNotification(frame, protocol);
        _ = FuseReplyValidator.Validate(frame, context, protocol);

        Assert.All(buffer.AsSpan(0, CanaryLength).ToArray(), b => Assert.Equal(Canary, b));
        Assert.Equal(bytes, frame.ToArray());
    }

    /// <summary>Asserts that <paramref name="part"/> is empty or lies entirely inside <paramref name="frame"/>.</summary>
    public static void AssertWithin(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> part, string what)
    {
        if (part.IsEmpty)
        {
            return;
        }

        Assert.True(frame.Overlaps(part, out int offset), what + " does not overlap the frame");
        Assert.True(offset >= 0 && offset + part.Length <= frame.Length, $"{what} at {offset}+{part.Length} leaves the frame of {frame.Length}");
    }

    private static void CheckRequest(ReadOnlySpan<byte> frame, in FuseProtocol protocol)
    {
        bool ok = FuseRequest.TryParse(frame, protocol, out FuseRequest request, out FuseProtocolError error);
        FuseProtocolException? thrown = null;
        try
        {
            _ = FuseRequest.Parse(frame, protocol);
        }
        catch (FuseProtocolException e)
        {
            thrown = e;
        }

        if (!ok)
        {
            Assert.True(request.Frame.IsEmpty);
            Assert.True(error.IsError);
            Assert.NotNull(thrown);
            Assert.Equal(error, thrown.Error);
            return;
        }

        Assert.Null(thrown);
        Assert.Equal(default, error);
        Assert.True(request.Frame == frame);
        AssertWithin(frame, request.Argument, "Argument");
        AssertWithin(frame, request.Name, "Name");
        AssertWithin(frame, request.Name2, "Name2");
        AssertWithin(frame, request.Data, "Data");
        AssertWithin(frame, request.Extensions, "Extensions");
        AssertWithin(frame, MemoryMarshal.AsBytes(request.Forgets), "Forgets");
        AssertWithin(frame, MemoryMarshal.AsBytes(request.RemoveMappings), "RemoveMappings");
        Assert.DoesNotContain((byte)0, request.Name.ToArray());
        Assert.DoesNotContain((byte)0, request.Name2.ToArray());
        _ = request.GetArgument<FuseInitIn>();
        _ = request.GetArgument<FuseWriteIn>();
        _ = FuseReplyContext.For(request);
        foreach (FuseExtension extension in request.EnumerateExtensions())
        {
            AssertWithin(frame, extension.Whole, "Extension");
            AssertWithin(frame, extension.Body, "Extension body");
            _ = extension.Type;
            if (extension.TryGetSupplementaryGroups(out ReadOnlySpan<uint> groups))
            {
                AssertWithin(frame, MemoryMarshal.AsBytes(groups), "Groups");
            }

            foreach (FuseSecurityContext context in extension.EnumerateSecurityContexts())
            {
                AssertWithin(frame, context.Name, "Security context name");
                AssertWithin(frame, context.Value, "Security context value");
            }
        }
    }

    private static void CheckReply(ReadOnlySpan<byte> frame, in FuseReplyContext context, in FuseProtocol protocol, FuseReplyStrictness strictness)
    {
        bool ok = FuseReply.TryParse(frame, context, protocol, strictness, out FuseReply reply, out FuseValidationResult result);
        FuseProtocolException? thrown = null;
        try
        {
            _ = FuseReply.Parse(frame, context, protocol, strictness);
        }
        catch (FuseProtocolException e)
        {
            thrown = e;
        }

        if (!ok)
        {
            Assert.True(reply.Frame.IsEmpty);
            Assert.False(result.IsValid);
            Assert.NotNull(thrown);
            Assert.Equal(result.Error, thrown.Error);
            return;
        }

        Assert.Null(thrown);
        Assert.True(result.IsValid);
        Assert.True(reply.Frame == frame);
        AssertWithin(frame, reply.Argument, "Argument");
        AssertWithin(frame, reply.Argument2, "Argument2");
        AssertWithin(frame, reply.Data, "Data");
        Assert.Equal(reply.Header.Error != 0, reply.IsError);
        _ = reply.GetArgument<FuseInitOut>();
        _ = reply.GetArgument2<FuseOpenOut>();
        foreach (bool plus in new[] { false, true })
        {
            foreach (FuseDirentEntry entry in reply.EnumerateDirents(plus))
            {
                AssertWithin(frame, entry.Name, "Dirent name");
                AssertWithin(frame, MemoryMarshal.AsBytes(new ReadOnlySpan<FuseDirent>(in entry.Dirent)), "Dirent");
                _ = entry.EntryOut;
            }
        }
    }

    private static void CheckNotification(ReadOnlySpan<byte> frame, in FuseProtocol protocol)
    {
        bool ok = FuseNotification.TryParse(frame, protocol, out FuseNotification notification, out FuseProtocolError error);
        FuseProtocolException? thrown = null;
        try
        {
            _ = FuseNotification.Parse(frame, protocol);
        }
        catch (FuseProtocolException e)
        {
            thrown = e;
        }

        if (!ok)
        {
            Assert.True(notification.Frame.IsEmpty);
            Assert.True(error.IsError);
            Assert.NotNull(thrown);
            Assert.Equal(error, thrown.Error);
            return;
        }

        Assert.Null(thrown);
        Assert.True(notification.Frame == frame);
        AssertWithin(frame, notification.Argument, "Argument");
        AssertWithin(frame, notification.Name, "Name");
        AssertWithin(frame, notification.Data, "Data");
        AssertWithin(frame, MemoryMarshal.AsBytes(notification.PruneNodeIds), "Prune node ids");
        _ = notification.Code;
        _ = notification.GetArgument<FuseNotifyDeleteOut>();
    }
}
