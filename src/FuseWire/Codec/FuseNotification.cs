using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>
/// A decoded notification (daemon to kernel, unique 0, the notify code in <c>error</c>): a view over its bytes.
/// </summary>
/// <remarks>
/// <code>
///  0                         16                    16+arg          len
///  | len | code | unique = 0 | fuse_notify_*_out   | name \0 / data / node ids |
/// </code>
/// </remarks>
public readonly ref struct FuseNotification
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly int _argLength;
    private readonly int _nameLength;

    private FuseNotification(ReadOnlySpan<byte> frame, int argLength, int nameLength)
    {
        _frame = frame;
        _argLength = argLength;
        _nameLength = nameLength;
    }

    /// <summary>The whole frame.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>The notify code.</summary>
    public FuseNotifyCode Code => (FuseNotifyCode)MemoryMarshal.AsRef<FuseOutHeader>(_frame).Error;

    /// <summary>The notification's struct bytes.</summary>
    public ReadOnlySpan<byte> Argument => _frame.Slice(FuseOutHeader.StructSize, _argLength);

    /// <summary>INVAL_ENTRY's and DELETE's name, without NUL; empty otherwise.</summary>
    public ReadOnlySpan<byte> Name => _frame.Slice(FuseOutHeader.StructSize + _argLength, _nameLength);

    /// <summary>STORE's data, or PRUNE's node ids; empty otherwise.</summary>
    public ReadOnlySpan<byte> Data => _nameLength == 0 ? _frame[(FuseOutHeader.StructSize + _argLength)..] : default;

    /// <summary>PRUNE's node ids.</summary>
    public ReadOnlySpan<ulong> PruneNodeIds => Code == FuseNotifyCode.Prune ? MemoryMarshal.Cast<byte, ulong>(Data) : default;

    /// <summary>Reads the notification's struct, e.g. <see cref="FuseNotifyInvalEntryOut"/>.</summary>
    /// <typeparam name="T">The struct.</typeparam>
    /// <returns>A copy.</returns>
    public T GetArgument<T>()
        where T : unmanaged => FuseStructReader.ReadPadded<T>(Argument);

    /// <summary>Decodes a notification, throwing on any violation.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <returns>The notification.</returns>
    /// <exception cref="FuseProtocolException">The frame breaks a rule.</exception>
    public static FuseNotification Parse(ReadOnlySpan<byte> frame, in FuseProtocol protocol)
    {
        if (!TryParse(frame, protocol, out FuseNotification notification, out FuseProtocolError error))
        {
            ThrowHelper.ThrowProtocol(error);
        }

        return notification;
    }

    /// <summary>Decodes a notification without throwing.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="notification">The notification, when valid.</param>
    /// <param name="error">What is wrong, when not.</param>
    /// <returns>True when the frame is a valid notification.</returns>
    public static bool TryParse(ReadOnlySpan<byte> frame, in FuseProtocol protocol, out FuseNotification notification, out FuseProtocolError error)
    {
        notification = default;
        if (!FuseReply.TryReadHeader(frame, 0, protocol, out ulong unique, out int code, out FuseValidationResult result))
        {
            error = result.Error;
            return false;
        }

        if (unique != 0)
        {
            error = new(FuseProtocolRule.UniqueNotOutstanding, 0, unique, 8, (long)unique, 0);
            return false;
        }

        int argLength = (FuseNotifyCode)code switch
        {
            FuseNotifyCode.Poll => FuseNotifyPollWakeupOut.StructSize,
            FuseNotifyCode.InvalInode => FuseNotifyInvalInodeOut.StructSize,
            FuseNotifyCode.InvalEntry => FuseNotifyInvalEntryOut.StructSize,
            FuseNotifyCode.Store => FuseNotifyStoreOut.StructSize,
            FuseNotifyCode.Retrieve => FuseNotifyRetrieveOut.StructSize,
            FuseNotifyCode.Delete => FuseNotifyDeleteOut.StructSize,
            FuseNotifyCode.Resend or FuseNotifyCode.IncEpoch => 0,
            FuseNotifyCode.Prune => FuseNotifyPruneOut.StructSize,
            _ => -1,
        };
        if (argLength < 0)
        {
            error = new(FuseProtocolRule.UnknownNotifyCode, 0, 0, 4, code, 0);
            return false;
        }

        ReadOnlySpan<byte> payload = frame[FuseOutHeader.StructSize..];
        if (payload.Length < argLength)
        {
            error = new(FuseProtocolRule.PayloadTooShort, 0, 0, FuseOutHeader.StructSize, payload.Length, argLength);
            return false;
        }

        ReadOnlySpan<byte> rest = payload[argLength..];
        int restOffset = FuseOutHeader.StructSize + argLength;
        int nameLength = 0;
        long expected = (FuseNotifyCode)code switch
        {
            FuseNotifyCode.InvalEntry => MemoryMarshal.Read<uint>(payload[8..]) + 1L,
            FuseNotifyCode.Delete => MemoryMarshal.Read<uint>(payload[16..]) + 1L,
            FuseNotifyCode.Store => MemoryMarshal.Read<uint>(payload[16..]),
            FuseNotifyCode.Prune => MemoryMarshal.Read<uint>(payload) * 8L,
            _ => 0,
        };
        if (rest.Length != expected)
        {
            error = new(FuseProtocolRule.CountMismatch, 0, 0, restOffset, rest.Length, expected);
            return false;
        }

        if ((FuseNotifyCode)code is FuseNotifyCode.InvalEntry or FuseNotifyCode.Delete)
        {
            nameLength = rest.Length - 1;
            FuseProtocolRule rule = rest[nameLength] != 0 || rest[..nameLength].Contains((byte)0) ? FuseProtocolRule.NameNotTerminated
                : nameLength == 0 ? FuseProtocolRule.NameEmpty
                : nameLength > FuseConstants.NameMax ? FuseProtocolRule.NameTooLong
                : rest[..nameLength].Contains((byte)'/') ? FuseProtocolRule.NameContainsSlash
                : FuseProtocolRule.None;
            if (rule != FuseProtocolRule.None)
            {
                error = new(rule, 0, 0, restOffset, nameLength, FuseConstants.NameMax);
                return false;
            }
        }

        notification = new FuseNotification(frame, argLength, nameLength);
        error = default;
        return true;
    }
}
