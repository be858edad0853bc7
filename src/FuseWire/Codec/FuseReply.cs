using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>
/// A decoded reply frame: a view over its bytes, checked against the request it answers with perfused's rules and more.
/// </summary>
/// <remarks>
/// <code>
///  0            16                      16+arg        16+arg+arg2                 len
///  | out header | argument (minor)      | argument 2  | data (READ bytes, dirents) |
/// </code>
/// An error reply is the header alone; its <c>error</c> is a negative errno above -512, handed out as the positive <see cref="Errno"/>.
/// </remarks>
public readonly ref struct FuseReply
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly int _argLength;
    private readonly int _arg2Length;

    private FuseReply(ReadOnlySpan<byte> frame, int argLength, int arg2Length)
    {
        _frame = frame;
        _argLength = argLength;
        _arg2Length = arg2Length;
    }

    /// <summary>The whole frame.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>The reply header.</summary>
    public ref readonly FuseOutHeader Header => ref MemoryMarshal.AsRef<FuseOutHeader>(_frame);

    /// <summary>The unique of the request answered.</summary>
    public ulong Unique => Header.Unique;

    /// <summary>Whether the reply is an error.</summary>
    public bool IsError => Header.Error != 0;

    /// <summary>The error as a positive errno (ENOENT is 2), or 0 for success.</summary>
    public int Errno => -Header.Error;

    /// <summary>The first argument's bytes as on the wire (e.g. <c>fuse_entry_out</c>, 120 bytes before 7.9).</summary>
    public ReadOnlySpan<byte> Argument => _frame.Slice(FuseOutHeader.StructSize, _argLength);

    /// <summary>The second argument's bytes: CREATE and TMPFILE's <c>fuse_open_out</c>; empty otherwise.</summary>
    public ReadOnlySpan<byte> Argument2 => _frame.Slice(FuseOutHeader.StructSize + _argLength, _arg2Length);

    /// <summary>The data after the fixed arguments: READ's bytes, READLINK's target, xattr values, dirent records, ioctl output.</summary>
    public ReadOnlySpan<byte> Data => _frame[(FuseOutHeader.StructSize + _argLength + _arg2Length)..];

    /// <summary>Reads the first argument as <typeparamref name="T"/>, zero-extending an old minor's shorter struct.</summary>
    /// <typeparam name="T">The reply struct, e.g. <see cref="FuseEntryOut"/>.</typeparam>
    /// <returns>A copy.</returns>
    public T GetArgument<T>()
        where T : unmanaged => FuseStructReader.ReadPadded<T>(Argument);

    /// <summary>Reads the second argument (CREATE's <see cref="FuseOpenOut"/>).</summary>
    /// <typeparam name="T">The struct.</typeparam>
    /// <returns>A copy.</returns>
    public T GetArgument2<T>()
        where T : unmanaged => FuseStructReader.ReadPadded<T>(Argument2);

    /// <summary>Enumerates READDIR (or, with <paramref name="plus"/>, READDIRPLUS) records in <see cref="Data"/>.</summary>
    /// <param name="plus">Whether the records are <c>fuse_direntplus</c>.</param>
    /// <returns>The enumerator.</returns>
    public FuseDirentEnumerator EnumerateDirents(bool plus) => new(Data, plus);

    /// <summary>Decodes a reply frame, throwing on any error (a long reply passes in lenient mode).</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="context">The request it answers.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="strictness">How a long reply is treated.</param>
    /// <returns>The decoded reply.</returns>
    /// <exception cref="FuseProtocolException">The frame breaks a rule.</exception>
    public static FuseReply Parse(ReadOnlySpan<byte> frame, in FuseReplyContext context, in FuseProtocol protocol, FuseReplyStrictness strictness = FuseReplyStrictness.Lenient)
    {
        if (!TryParse(frame, context, protocol, strictness, out FuseReply reply, out FuseValidationResult result))
        {
            ThrowHelper.ThrowProtocol(result.Error);
        }

        return reply;
    }

    /// <summary>Decodes and validates a reply frame without throwing.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="context">The request it answers.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="strictness">How a long reply is treated.</param>
    /// <param name="reply">The reply, when usable.</param>
    /// <param name="result">The error and warning found.</param>
    /// <returns>True when the reply is usable.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> frame, in FuseReplyContext context, in FuseProtocol protocol, FuseReplyStrictness strictness, out FuseReply reply, out FuseValidationResult result)
    {
        reply = default;
        FuseOpcode opcode = context.Opcode;
        if (!TryReadHeader(frame, opcode, protocol, out ulong unique, out int error, out result))
        {
            return false;
        }

        if (unique != context.Unique)
        {
            return Fail(FuseProtocolRule.UniqueNotOutstanding, opcode, unique, 8, (long)unique, (long)context.Unique, out result);
        }

        if (FuseRequestLayout.IsNoReply(opcode))
        {
            return Fail(FuseProtocolRule.ReplyToNoReplyOpcode, opcode, unique, 8, (long)unique, 0, out result);
        }

        int payload = frame.Length - FuseOutHeader.StructSize;
        if (error != 0)
        {
            if (error > 0 || error <= -(FuseConstants.MaxErrno + 1))
            {
                return Fail(FuseProtocolRule.ErrorOutOfRange, opcode, unique, 4, error, -(FuseConstants.MaxErrno + 1), out result);
            }

            if (payload != 0)
            {
                return Fail(FuseProtocolRule.ErrorWithPayload, opcode, unique, FuseOutHeader.StructSize, payload, 0, out result);
            }

            reply = new FuseReply(frame, 0, 0);
            return true;
        }

        uint replyMinor = opcode == FuseOpcode.Init && payload >= 8 ? MemoryMarshal.Read<uint>(frame[20..]) : protocol.Minor;
        if (!FuseReplyLayout.TryGetShape(opcode, context.RequestedSize, protocol, replyMinor, out FuseReplyShape shape))
        {
            return Fail(FuseProtocolRule.UnknownOpcode, opcode, unique, 0, (uint)opcode, 0, out result);
        }

        if (payload < shape.FixedSize)
        {
            return Fail(FuseProtocolRule.PayloadTooShort, opcode, unique, FuseOutHeader.StructSize, payload, shape.FixedSize, out result);
        }

        if (opcode == FuseOpcode.Init)
        {
            uint major = MemoryMarshal.Read<uint>(frame[16..]);
            if (major != FuseConstants.KernelVersion)
            {
                return Fail(FuseProtocolRule.UnsupportedVersion, opcode, unique, FuseOutHeader.StructSize, major, FuseConstants.KernelVersion, out result);
            }

            // The daemon answers the smaller of the two minors: never more than the kernel offered, which is the minor of the
            // protocol the reply is decoded with (FuseProtocol.Initial for a 7.45 kernel).
            if (replyMinor > protocol.Minor)
            {
                return Fail(FuseProtocolRule.UnsupportedVersion, opcode, unique, FuseOutHeader.StructSize + 4, replyMinor, protocol.Minor, out result);
            }
        }

        int dataOffset = FuseOutHeader.StructSize + shape.FixedSize;
        if (!CheckData(frame[dataOffset..], dataOffset, shape.Data, context, strictness, out result))
        {
            return false;
        }

        reply = new FuseReply(frame, shape.ArgSize, shape.Arg2Size);
        return true;
    }

    /// <summary>Reads and checks the out header: size, len against bytes received and the maximum.</summary>
    internal static bool TryReadHeader(ReadOnlySpan<byte> frame, FuseOpcode opcode, in FuseProtocol protocol, out ulong unique, out int error, out FuseValidationResult result)
    {
        unique = 0;
        error = 0;
        if (frame.Length < FuseOutHeader.StructSize)
        {
            return Fail(FuseProtocolRule.HeaderTruncated, opcode, 0, 0, frame.Length, FuseOutHeader.StructSize, out result);
        }

        ref readonly FuseOutHeader header = ref MemoryMarshal.AsRef<FuseOutHeader>(frame);
        unique = header.Unique;
        error = header.Error;
        FuseProtocolRule rule =
            header.Len < FuseOutHeader.StructSize ? FuseProtocolRule.LengthBelowHeader
            : header.Len > protocol.MaxFrameLength ? FuseProtocolRule.LengthAboveMaximum
            : header.Len != (uint)frame.Length ? FuseProtocolRule.LengthMismatch
            : FuseProtocolRule.None;
        if (rule != FuseProtocolRule.None)
        {
            long expected = rule == FuseProtocolRule.LengthBelowHeader ? FuseOutHeader.StructSize
                : rule == FuseProtocolRule.LengthAboveMaximum ? protocol.MaxFrameLength : frame.Length;
            return Fail(rule, opcode, unique, 0, header.Len, expected, out result);
        }

        result = default;
        return true;
    }

    private static bool CheckData(ReadOnlySpan<byte> data, int offset, FuseReplyData kind, in FuseReplyContext context, FuseReplyStrictness strictness, out FuseValidationResult result)
    {
        result = default;
        if (data.IsEmpty)
        {
            return true;
        }

        FuseOpcode opcode = context.Opcode;
        uint limit = FuseReplyLayout.DataLimit(kind, context.RequestedSize);
        if (kind == FuseReplyData.None || (limit != 0 && (uint)data.Length > limit))
        {
            FuseProtocolError finding = new(FuseProtocolRule.PayloadTooLong, opcode, context.Unique, offset, data.Length, kind == FuseReplyData.None ? 0 : limit);
            if (strictness == FuseReplyStrictness.Strict || opcode == FuseOpcode.Interrupt)
            {
                result = new FuseValidationResult(finding, default);
                return false;
            }

            result = new FuseValidationResult(default, finding);
        }

        if (kind is FuseReplyData.Dirents or FuseReplyData.Direntplus
            && !FuseDirentEnumerator.TryValidate(data, offset, kind == FuseReplyData.Direntplus, opcode, context.Unique, out FuseProtocolError direntError))
        {
            result = new FuseValidationResult(direntError, result.Warning);
            return false;
        }

        return true;
    }

    private static bool Fail(FuseProtocolRule rule, FuseOpcode opcode, ulong unique, int offset, long actual, long expected, out FuseValidationResult result)
    {
        result = new FuseValidationResult(new FuseProtocolError(rule, opcode, unique, offset, actual, expected), default);
        return false;
    }
}
