using System;
using System.Buffers.Binary;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Formatting;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Fuzzing;

/// <summary>
/// The <c>reply</c> target: the reply decoder and validator given the request a reply answers, and the notification decoder.
/// Input: a minor byte, a flags byte (see <see cref="FuzzProtocol"/>), the request's opcode (one byte, see <see cref="OpcodeOf"/>), the size it asked for
/// (uint32, little-endian), a mode byte (bit 0: strict, bit 1: the context's unique differs from the frame's), then one frame.
/// </summary>
public static class ReplyTarget
{
    /// <summary>The bytes before the frame.</summary>
    public const int PrefixLength = 8;

    private const byte CuseInitByte = 255;

    /// <summary>Runs one input. Throws <see cref="FuseProtocolException"/> only for what the decoder refuses by contract, and
    /// <see cref="FuzzContractException"/> (or anything else) for a bug.</summary>
    /// <param name="input">The fuzz input.</param>
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < PrefixLength)
        {
            return;
        }

        FuseProtocol protocol = FuzzProtocol.From(input[0], input[1]);
        FuseOpcode opcode = OpcodeOf(input[2]);
        uint requestedSize = BinaryPrimitives.ReadUInt32LittleEndian(input[3..]);
        byte mode = input[7];
        FuseReplyStrictness strictness = (mode & 1) != 0 ? FuseReplyStrictness.Strict : FuseReplyStrictness.Lenient;
        ReadOnlySpan<byte> frame = input[PrefixLength..];
        ulong frameUnique = frame.Length >= FuseOutHeader.StructSize ? BinaryPrimitives.ReadUInt64LittleEndian(frame[8..]) : 1;
        ulong unique = (mode & 2) != 0 ? frameUnique + 1 : frameUnique;
        FuseReplyContext context = new(opcode, unique, requestedSize);
        FuseOutstandingRequests outstanding = new();
        long start = AllocationBound.Start();
        bool accepted = Decode(frame, context, protocol, strictness, outstanding, frameUnique, out FuseValidationResult result);
        long budget = input.Length + AllocationBound.Slack;
        if (!AllocationBound.Within(start, budget))
        {
            outstanding = new();
            start = AllocationBound.Start();
            _ = Decode(frame, context, protocol, strictness, outstanding, frameUnique, out _);
            AllocationBound.Check("reply", start, budget);
        }

        // The throwing decoders and the formatter allocate (an exception, a line), so they run after the measurement.
        FuseProtocolException? thrown = null;
        try
        {
            _ = FuseReply.Parse(frame, context, protocol, strictness);
        }
        catch (FuseProtocolException exception)
        {
            thrown = exception;
        }

        if (accepted != (thrown is null))
        {
            throw new FuzzContractException("reply: Parse and TryParse disagree (accepted by TryParse: " + (accepted ? "yes" : "no") + ").");
        }

        if (!accepted)
        {
            FrameChecks.SameError("reply", result.Error, thrown);
        }

        _ = FuseFrameFormatter.FormatReply(frame, context, protocol);
        _ = FuseFrameFormatter.FormatNotification(frame, protocol);
    }

    /// <summary>The opcode an opcode byte stands for: itself, except 255 for CUSE_INIT (4096).</summary>
    /// <param name="value">The byte.</param>
    /// <returns>The opcode.</returns>
    public static FuseOpcode OpcodeOf(byte value) => value == CuseInitByte ? FuseOpcode.CuseInit : (FuseOpcode)value;

    /// <summary>The byte that stands for an opcode.</summary>
    /// <param name="opcode">The opcode.</param>
    /// <returns>The byte.</returns>
    public static byte ByteOf(FuseOpcode opcode) => opcode == FuseOpcode.CuseInit ? CuseInitByte : (byte)opcode;

    private static bool Decode(
        ReadOnlySpan<byte> frame, in FuseReplyContext context, in FuseProtocol protocol, FuseReplyStrictness strictness,
        FuseOutstandingRequests outstanding, ulong frameUnique, out FuseValidationResult result)
    {
        ulong unique = context.Unique;
        bool registered = unique != 0 && outstanding.TryAdd(context);
        bool accepted = FuseReply.TryParse(frame, context, protocol, strictness, out FuseReply reply, out result);
        if (accepted)
        {
            Walk(reply, context);
        }
        else
        {
            FrameChecks.Rejection("reply", result.Error, frame.Length);
        }

        FuseValidationResult validated = FuseReplyValidator.Validate(frame, context, protocol, strictness);
        if (validated != result)
        {
            throw new FuzzContractException("reply: Validate and TryParse disagree.");
        }

        FuseValidationResult incoming = FuseReplyValidator.ValidateIncoming(frame, outstanding, protocol, strictness, out FuseReplyContext taken);
        if (incoming.Error.IsError)
        {
            FrameChecks.Rejection("reply (incoming)", incoming.Error, frame.Length);
        }
        else if (registered && frameUnique == unique && (taken != context || incoming != result))
        {
            throw new FuzzContractException("reply: ValidateIncoming and Validate disagree.");
        }

        if (FuseNotification.TryParse(frame, protocol, out FuseNotification notice, out FuseProtocolError notifyError))
        {
            Walk(notice);
        }
        else
        {
            FrameChecks.Rejection("notification", notifyError, frame.Length);
        }

        return accepted;
    }

    private static void Walk(in FuseReply reply, in FuseReplyContext context)
    {
        ReadOnlySpan<byte> frame = reply.Frame;
        FrameChecks.Inside("reply", "argument", frame, reply.Argument);
        FrameChecks.Inside("reply", "argument2", frame, reply.Argument2);
        FrameChecks.Inside("reply", "data", frame, reply.Data);
        ulong sum = reply.Unique ^ (ulong)reply.Errno ^ (reply.IsError ? 1UL : 0UL);
        if (!reply.IsError)
        {
            sum ^= ReplyArguments.Read(reply, context.Opcode);
        }

        // Any bytes are walked as dirents of both kinds: the enumerator must stop, never throw, on records the validator refused.
        sum ^= Dirents(reply, plus: false) ^ Dirents(reply, plus: true);
        Sink.Value ^= sum;
    }

    private static ulong Dirents(in FuseReply reply, bool plus)
    {
        ulong sum = 0;
        foreach (FuseDirentEntry entry in reply.EnumerateDirents(plus))
        {
            FrameChecks.Inside("reply", "dirent name", reply.Frame, entry.Name);
            if (entry.Name.IsEmpty || entry.Name.Length > FuseConstants.NameMax)
            {
                throw new FuzzContractException("reply: a dirent's name is empty or too long.");
            }

            sum ^= entry.Dirent.Ino ^ entry.Dirent.Off ^ entry.Dirent.Type ^ Sink.Hash(entry.EntryOut);
        }

        return sum;
    }

    private static void Walk(in FuseNotification notification)
    {
        ReadOnlySpan<byte> frame = notification.Frame;
        FrameChecks.Inside("notification", "argument", frame, notification.Argument);
        FrameChecks.Inside("notification", "name", frame, notification.Name);
        FrameChecks.Inside("notification", "data", frame, notification.Data);
        ulong sum = (ulong)notification.Code;
        foreach (ulong node in notification.PruneNodeIds)
        {
            sum ^= node;
        }

        sum ^= notification.Code switch
        {
            FuseNotifyCode.Poll => Sink.Hash(notification.GetArgument<FuseNotifyPollWakeupOut>()),
            FuseNotifyCode.InvalInode => Sink.Hash(notification.GetArgument<FuseNotifyInvalInodeOut>()),
            FuseNotifyCode.InvalEntry => Sink.Hash(notification.GetArgument<FuseNotifyInvalEntryOut>()),
            FuseNotifyCode.Store => Sink.Hash(notification.GetArgument<FuseNotifyStoreOut>()),
            FuseNotifyCode.Retrieve => Sink.Hash(notification.GetArgument<FuseNotifyRetrieveOut>()),
            FuseNotifyCode.Delete => Sink.Hash(notification.GetArgument<FuseNotifyDeleteOut>()),
            FuseNotifyCode.Prune => Sink.Hash(notification.GetArgument<FuseNotifyPruneOut>()),
            _ => (ulong)notification.Argument.Length,
        };
        Sink.Value ^= sum;
    }
}
