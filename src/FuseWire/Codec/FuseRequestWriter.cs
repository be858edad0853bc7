using System;
using System.Buffers;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>
/// Writes request frames (the kernel's side) into an <see cref="IBufferWriter{T}"/>: header length and <c>total_extlen</c> are set,
/// the argument is cut to its size at the negotiated minor, names get their NUL.
/// </summary>
public static class FuseRequestWriter
{
    /// <summary>Writes a request frame from its parts.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol; sizes the argument.</param>
    /// <param name="header">The header: opcode, unique, nodeid, uid, gid, pid (len and total_extlen are computed).</param>
    /// <param name="argument">The argument's bytes: at least its wire size at this minor; longer input is cut.</param>
    /// <param name="name">The first name, without NUL, for opcodes that carry one.</param>
    /// <param name="name2">The second name, without NUL (RENAME, RENAME2, SYMLINK's target).</param>
    /// <param name="data">Trailing data (WRITE data, SETXATTR value, IOCTL input, forgets); its length must match the argument's count.</param>
    /// <param name="extensions">Well-formed extension records (7.38 and later), a multiple of 8 bytes.</param>
    /// <returns>The frame's length.</returns>
    /// <exception cref="ArgumentException">The parts do not make a valid request of this opcode.</exception>
    public static int Write(
        IBufferWriter<byte> output,
        in FuseProtocol protocol,
        in FuseInHeader header,
        ReadOnlySpan<byte> argument,
        ReadOnlySpan<byte> name = default,
        ReadOnlySpan<byte> name2 = default,
        ReadOnlySpan<byte> data = default,
        ReadOnlySpan<byte> extensions = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!FuseRequestLayout.TryGetShape(header.Opcode, protocol, out FuseRequestShape shape))
        {
            ThrowHelper.ThrowArgument("Unknown opcode " + FuseNames.OpcodeName(header.Opcode) + ".", nameof(header));
        }

        int argLength = header.Opcode == FuseOpcode.Init && argument.Length >= 8
            ? FuseProtocol.InitInSize(MemoryMarshal.Read<uint>(argument[4..]))
            : shape.ArgSize;
        if (argument.Length < argLength)
        {
            ThrowHelper.ThrowArgument($"The argument needs {argLength} bytes at 7.{protocol.Minor}.", nameof(argument));
        }

        int names = shape.NameCount;
        if ((names < 1 && !name.IsEmpty) || (names < 2 && !name2.IsEmpty) || (shape.Trailer == FuseTrailer.None && !data.IsEmpty))
        {
            ThrowHelper.ThrowArgument(FuseNames.OpcodeName(header.Opcode) + " carries no such part.", nameof(name));
        }

        if ((names >= 1 && !IsValidName(name, shape.Name1)) || (names >= 2 && !IsValidName(name2, shape.Name2)))
        {
            ThrowHelper.ThrowArgument(FuseNames.OpcodeName(header.Opcode) + "'s name is empty, too long, or contains NUL (or '/' in an entry name).", nameof(name));
        }

        if (header.Opcode == FuseOpcode.Init && MemoryMarshal.Read<uint>(argument) != FuseConstants.KernelVersion)
        {
            ThrowHelper.ThrowArgument("INIT's major version must be 7.", nameof(argument));
        }

        if (shape.Trailer != FuseTrailer.None && FuseRequest.TrailerLength(shape.Trailer, argument[..argLength]) != data.Length)
        {
            ThrowHelper.ThrowArgument("The data's length does not match the count or size in the argument.", nameof(data));
        }

        if (extensions.Length % 8 != 0 || extensions.Length / 8 > ushort.MaxValue)
        {
            ThrowHelper.ThrowArgument("Extensions must be a multiple of 8 bytes.", nameof(extensions));
        }

        if (!extensions.IsEmpty
            && (!protocol.HasExtensions || !FuseExtensionEnumerator.TryValidate(extensions, 0, header.Opcode, header.Unique, out _)))
        {
            ThrowHelper.ThrowArgument("Extensions exist from 7.38 on, as well-formed records that fill the area.", nameof(extensions));
        }

        int length = FuseInHeader.StructSize + argLength + (names >= 1 ? name.Length + 1 : 0) + (names >= 2 ? name2.Length + 1 : 0) + data.Length + extensions.Length;
        Span<byte> frame = output.GetSpan(length)[..length];
        FuseInHeader h = header;
        h.Len = (uint)length;
        h.TotalExtLen = (ushort)(extensions.Length / 8);
        MemoryMarshal.Write(frame, in h);
        int cursor = FuseInHeader.StructSize;
        argument[..argLength].CopyTo(frame[cursor..]);
        cursor += argLength;
        if (names >= 1)
        {
            cursor = WriteName(frame, cursor, name);
        }

        if (names >= 2)
        {
            cursor = WriteName(frame, cursor, name2);
        }

        data.CopyTo(frame[cursor..]);
        cursor += data.Length;
        extensions.CopyTo(frame[cursor..]);
        output.Advance(length);
        return length;
    }

    /// <summary>Writes a request frame whose argument is a struct.</summary>
    /// <typeparam name="TArg">The argument struct, e.g. <see cref="FuseReadIn"/>.</typeparam>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="header">The header (len and total_extlen are computed).</param>
    /// <param name="argument">The argument.</param>
    /// <param name="name">The first name, without NUL.</param>
    /// <param name="name2">The second name, without NUL.</param>
    /// <param name="data">Trailing data.</param>
    /// <returns>The frame's length.</returns>
    public static int Write<TArg>(
        IBufferWriter<byte> output, in FuseProtocol protocol, in FuseInHeader header, in TArg argument,
        ReadOnlySpan<byte> name = default, ReadOnlySpan<byte> name2 = default, ReadOnlySpan<byte> data = default)
        where TArg : unmanaged =>
        Write(output, protocol, header, MemoryMarshal.AsBytes(new ReadOnlySpan<TArg>(in argument)), name, name2, data);

    /// <summary>Writes a LOOKUP request.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="header">The header (opcode is set to LOOKUP).</param>
    /// <param name="name">The name to look up, without NUL.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteLookup(IBufferWriter<byte> output, FuseInHeader header, ReadOnlySpan<byte> name)
    {
        header.Opcode = FuseOpcode.Lookup;
        return Write(output, FuseProtocol.Latest, header, default, name);
    }

    /// <summary>Writes a FORGET request (never answered).</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="header">The header (opcode is set to FORGET).</param>
    /// <param name="nlookup">How many lookups to forget.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteForget(IBufferWriter<byte> output, FuseInHeader header, ulong nlookup)
    {
        header.Opcode = FuseOpcode.Forget;
        FuseForgetIn arg = new() { NLookup = nlookup };
        return Write(output, FuseProtocol.Latest, header, arg);
    }

    /// <summary>Writes an INTERRUPT request for the request <paramref name="target"/>.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The INTERRUPT's own unique.</param>
    /// <param name="target">The unique of the request to interrupt.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteInterrupt(IBufferWriter<byte> output, ulong unique, ulong target)
    {
        FuseInHeader header = new() { Opcode = FuseOpcode.Interrupt, Unique = unique };
        FuseInterruptIn arg = new() { Unique = target };
        return Write(output, FuseProtocol.Latest, header, arg);
    }

    private static bool IsValidName(ReadOnlySpan<byte> name, FuseNameKind kind) =>
        !name.Contains((byte)0) && FuseRequest.CheckName(name, kind, out _) == FuseProtocolRule.None;

    private static int WriteName(Span<byte> frame, int cursor, ReadOnlySpan<byte> name)
    {
        if (name.Contains((byte)0))
        {
            ThrowHelper.ThrowArgument("A name must not contain NUL.", nameof(name));
        }

        name.CopyTo(frame[cursor..]);
        frame[cursor + name.Length] = 0;
        return cursor + name.Length + 1;
    }
}
