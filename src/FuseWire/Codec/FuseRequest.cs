using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>
/// A decoded request frame: a view over the frame's bytes, with the header, the opcode's argument, names, trailing data and extensions located.
/// Nothing is copied and nothing is allocated.
/// </summary>
/// <remarks>
/// <code>
///  0        40                 40+arg            NUL        NUL                  len-8*total_extlen   len
///  | header | argument (minor) | name (UTF-8) \0 | name2 \0 | data / forgets     | extensions          |
/// </code>
/// The argument is the opcode's struct at the negotiated minor (shorter for old minors); <see cref="GetArgument{T}"/> zero-extends it.
/// </remarks>
public readonly ref struct FuseRequest
{
    private readonly ReadOnlySpan<byte> _frame;
    private readonly int _argLength;
    private readonly int _nameOffset;
    private readonly int _nameLength;
    private readonly int _name2Offset;
    private readonly int _name2Length;
    private readonly int _dataOffset;
    private readonly int _dataLength;
    private readonly int _extLength;

    private FuseRequest(ReadOnlySpan<byte> frame, int argLength, int nameOffset, int nameLength, int name2Offset, int name2Length, int dataOffset, int dataLength, int extLength)
    {
        _frame = frame;
        _argLength = argLength;
        _nameOffset = nameOffset;
        _nameLength = nameLength;
        _name2Offset = name2Offset;
        _name2Length = name2Length;
        _dataOffset = dataOffset;
        _dataLength = dataLength;
        _extLength = extLength;
    }

    /// <summary>The whole frame.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>The request header.</summary>
    public ref readonly FuseInHeader Header => ref MemoryMarshal.AsRef<FuseInHeader>(_frame);

    /// <summary>The opcode.</summary>
    public FuseOpcode Opcode => Header.Opcode;

    /// <summary>The request id.</summary>
    public ulong Unique => Header.Unique;

    /// <summary>The node the request is about.</summary>
    public ulong NodeId => Header.NodeId;

    /// <summary>The argument's bytes as they are on the wire (possibly shorter than the struct at old minors).</summary>
    public ReadOnlySpan<byte> Argument => _frame.Slice(FuseInHeader.StructSize, _argLength);

    /// <summary>The first name, without its NUL (LOOKUP's name, RENAME's old name, SYMLINK's entry name, an xattr name, ...); empty when none.</summary>
    public ReadOnlySpan<byte> Name => _frame.Slice(_nameOffset, _nameLength);

    /// <summary>The second name, without its NUL (RENAME and RENAME2's new name, SYMLINK's target); empty when none.</summary>
    public ReadOnlySpan<byte> Name2 => _frame.Slice(_name2Offset, _name2Length);

    /// <summary>Trailing data: WRITE's data, SETXATTR's value, IOCTL's input, NOTIFY_REPLY's data, BATCH_FORGET's and REMOVEMAPPING's entries.</summary>
    public ReadOnlySpan<byte> Data => _frame.Slice(_dataOffset, _dataLength);

    /// <summary>The extension area (security contexts, supplementary groups), <c>8 * total_extlen</c> bytes at the end of the frame.</summary>
    public ReadOnlySpan<byte> Extensions => _frame.Slice(_frame.Length - _extLength, _extLength);

    /// <summary>BATCH_FORGET's entries.</summary>
    public ReadOnlySpan<FuseForgetOne> Forgets =>
        Opcode == FuseOpcode.BatchForget ? MemoryMarshal.Cast<byte, FuseForgetOne>(Data) : default;

    /// <summary>REMOVEMAPPING's entries.</summary>
    public ReadOnlySpan<FuseRemovemappingOne> RemoveMappings =>
        Opcode == FuseOpcode.Removemapping ? MemoryMarshal.Cast<byte, FuseRemovemappingOne>(Data) : default;

    /// <summary>Enumerates the request's extensions.</summary>
    /// <returns>An enumerator over <see cref="FuseExtension"/> values.</returns>
    public FuseExtensionEnumerator EnumerateExtensions() => new(Extensions);

    /// <summary>
    /// Reads the argument as <typeparamref name="T"/>. Bytes the wire did not carry (an old minor's shorter struct) read as zero.
    /// </summary>
    /// <typeparam name="T">The argument struct, e.g. <see cref="FuseReadIn"/>.</typeparam>
    /// <returns>A copy of the argument.</returns>
    public T GetArgument<T>()
        where T : unmanaged => FuseStructReader.ReadPadded<T>(Argument);

    /// <summary>Decodes a request frame, throwing on any violation.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <returns>The decoded request.</returns>
    /// <exception cref="FuseProtocolException">The frame breaks a rule of the protocol.</exception>
    public static FuseRequest Parse(ReadOnlySpan<byte> frame, in FuseProtocol protocol)
    {
        if (!TryParse(frame, protocol, out FuseRequest request, out FuseProtocolError error))
        {
            ThrowHelper.ThrowProtocol(error);
        }

        return request;
    }

    /// <summary>Decodes a request frame without throwing.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="request">The decoded request, when the frame is valid.</param>
    /// <param name="error">What is wrong, when it is not.</param>
    /// <returns>True when the frame is a valid request.</returns>
    public static bool TryParse(ReadOnlySpan<byte> frame, in FuseProtocol protocol, out FuseRequest request, out FuseProtocolError error)
    {
        request = default;
        if (frame.Length < FuseInHeader.StructSize)
        {
            error = new(FuseProtocolRule.HeaderTruncated, 0, 0, 0, frame.Length, FuseInHeader.StructSize);
            return false;
        }

        ref readonly FuseInHeader header = ref MemoryMarshal.AsRef<FuseInHeader>(frame);
        FuseOpcode opcode = header.Opcode;
        ulong unique = header.Unique;
        uint len = header.Len;
        if (len < FuseInHeader.StructSize)
        {
            error = new(FuseProtocolRule.LengthBelowHeader, opcode, unique, 0, len, FuseInHeader.StructSize);
            return false;
        }

        if (len > protocol.MaxFrameLength)
        {
            error = new(FuseProtocolRule.LengthAboveMaximum, opcode, unique, 0, len, protocol.MaxFrameLength);
            return false;
        }

        if (len != (uint)frame.Length)
        {
            error = new(FuseProtocolRule.LengthMismatch, opcode, unique, 0, len, frame.Length);
            return false;
        }

        int extLength = protocol.HasExtensions ? header.TotalExtLen * 8 : 0;
        int payloadEnd = frame.Length - extLength;
        if (payloadEnd < FuseInHeader.StructSize)
        {
            error = new(FuseProtocolRule.ExtensionMalformed, opcode, unique, 36, extLength, frame.Length - FuseInHeader.StructSize);
            return false;
        }

        if (!FuseRequestLayout.TryGetShape(opcode, protocol, out FuseRequestShape shape))
        {
            error = new(FuseProtocolRule.UnknownOpcode, opcode, unique, 4, (uint)opcode, 0);
            return false;
        }

        ReadOnlySpan<byte> payload = frame[FuseInHeader.StructSize..payloadEnd];
        int argLength = shape.ArgSize;
        if (opcode == FuseOpcode.Init && !TryInitArgLength(payload, unique, ref argLength, out error))
        {
            return false;
        }

        if (payload.Length < argLength)
        {
            error = new(FuseProtocolRule.PayloadTooShort, opcode, unique, FuseInHeader.StructSize, payload.Length, argLength);
            return false;
        }

        int cursor = FuseInHeader.StructSize + argLength;
        int nameOffset = cursor, nameLength = 0, name2Offset = cursor, name2Length = 0;
        if (shape.Name1 != FuseNameKind.None)
        {
            if (!TryReadName(frame, payloadEnd, ref cursor, shape.Name1, opcode, unique, out nameOffset, out nameLength, out error))
            {
                return false;
            }

            name2Offset = cursor;
            if (shape.Name2 != FuseNameKind.None
                && !TryReadName(frame, payloadEnd, ref cursor, shape.Name2, opcode, unique, out name2Offset, out name2Length, out error))
            {
                return false;
            }
        }

        int dataLength = 0;
        if (shape.Trailer != FuseTrailer.None)
        {
            long expected = TrailerLength(shape.Trailer, frame.Slice(FuseInHeader.StructSize, argLength));
            dataLength = payloadEnd - cursor;
            if (expected != dataLength)
            {
                error = new(FuseProtocolRule.CountMismatch, opcode, unique, cursor, dataLength, expected);
                return false;
            }
        }

        if (extLength != 0 && !FuseExtensionEnumerator.TryValidate(frame[payloadEnd..], payloadEnd, opcode, unique, out error))
        {
            return false;
        }

        request = new FuseRequest(frame, argLength, nameOffset, nameLength, name2Offset, name2Length, cursor, dataLength, extLength);
        error = default;
        return true;
    }

    private static bool TryInitArgLength(ReadOnlySpan<byte> payload, ulong unique, ref int argLength, out FuseProtocolError error)
    {
        if (payload.Length < FuseConstants.CompatInitInSize)
        {
            error = new(FuseProtocolRule.PayloadTooShort, FuseOpcode.Init, unique, FuseInHeader.StructSize, payload.Length, FuseConstants.CompatInitInSize);
            return false;
        }

        uint major = MemoryMarshal.Read<uint>(payload);
        if (major != FuseConstants.KernelVersion)
        {
            error = new(FuseProtocolRule.UnsupportedVersion, FuseOpcode.Init, unique, FuseInHeader.StructSize, major, FuseConstants.KernelVersion);
            return false;
        }

        argLength = FuseProtocol.InitInSize(MemoryMarshal.Read<uint>(payload[4..]));
        error = default;
        return true;
    }

    private static bool TryReadName(
        ReadOnlySpan<byte> frame, int end, ref int cursor, FuseNameKind kind, FuseOpcode opcode, ulong unique, out int offset, out int length, out FuseProtocolError error)
    {
        offset = cursor;
        length = frame[cursor..end].IndexOf((byte)0);
        if (length < 0)
        {
            error = new(FuseProtocolRule.NameNotTerminated, opcode, unique, cursor, end - cursor, 0);
            length = 0;
            return false;
        }

        FuseProtocolRule rule = CheckName(frame.Slice(cursor, length), kind, out int max);
        if (rule != FuseProtocolRule.None)
        {
            error = new(rule, opcode, unique, cursor, length, max);
            return false;
        }

        cursor += length + 1;
        error = default;
        return true;
    }

    /// <summary>Checks a name (without its NUL) against the rules of its kind: not empty, not too long, no '/' in an entry name.</summary>
    internal static FuseProtocolRule CheckName(ReadOnlySpan<byte> name, FuseNameKind kind, out int max)
    {
        max = kind == FuseNameKind.Path ? FuseConstants.PathMax - 1 : FuseConstants.NameMax;
        return name.IsEmpty ? FuseProtocolRule.NameEmpty
            : name.Length > max ? FuseProtocolRule.NameTooLong
            : kind == FuseNameKind.Entry && name.Contains((byte)'/') ? FuseProtocolRule.NameContainsSlash
            : FuseProtocolRule.None;
    }

    /// <summary>The trailer length the argument's count or size field states.</summary>
    internal static long TrailerLength(FuseTrailer trailer, ReadOnlySpan<byte> arg) => trailer switch
    {
        FuseTrailer.WriteData => MemoryMarshal.Read<uint>(arg[16..]),
        FuseTrailer.XattrValue => MemoryMarshal.Read<uint>(arg),
        FuseTrailer.IoctlInput => MemoryMarshal.Read<uint>(arg[24..]),
        FuseTrailer.NotifyReplyData => MemoryMarshal.Read<uint>(arg[16..]),
        FuseTrailer.Forgets => MemoryMarshal.Read<uint>(arg) * (long)FuseForgetOne.StructSize,
        FuseTrailer.RemoveMappings => MemoryMarshal.Read<uint>(arg) * (long)FuseRemovemappingOne.StructSize,
        _ => 0,
    };
}
