using System;
using System.Buffers;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>
/// Writes reply frames (the daemon's side) into an <see cref="IBufferWriter{T}"/>: the header's length is set, arguments are cut to
/// their size at the negotiated minor, and an error outside the range the kernel accepts is refused before it is written.
/// </summary>
public static class FuseReplyWriter
{
    /// <summary>Writes an error reply: the header alone, <c>error = -errno</c>.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="errno">A positive errno, 1 to 511 (e.g. <see cref="Errno.ENOENT"/>).</param>
    /// <returns>The frame's length (16).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The errno is not in 1..511: the kernel would refuse it.</exception>
    public static int WriteError(IBufferWriter<byte> output, ulong unique, int errno)
    {
        if (errno is <= 0 or > FuseConstants.MaxErrno)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(errno), "An errno is 1 to 511; the kernel refuses any other error with EINVAL.");
        }

        return WriteFrame(output, unique, -errno, default, default, default);
    }

    /// <summary>Writes a success reply with no payload (UNLINK, RELEASE, FSYNC, SETXATTR, ...).</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The request's unique.</param>
    /// <returns>The frame's length (16).</returns>
    public static int WriteEmpty(IBufferWriter<byte> output, ulong unique) => WriteFrame(output, unique, 0, default, default, default);

    /// <summary>Writes a data reply (READ, READLINK, GETXATTR with a size, LISTXATTR, READDIR records).</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="data">The data.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteData(IBufferWriter<byte> output, ulong unique, ReadOnlySpan<byte> data) => WriteFrame(output, unique, 0, default, default, data);

    /// <summary>Writes a success reply for <paramref name="opcode"/>, sizing its fixed argument(s) at the negotiated minor.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="opcode">The opcode of the request answered.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="argument">The first argument's bytes (at least its wire size; cut to it).</param>
    /// <param name="argument2">The second argument's bytes (CREATE's <c>fuse_open_out</c>).</param>
    /// <param name="data">Data after the fixed part, for opcodes that carry some.</param>
    /// <returns>The frame's length.</returns>
    /// <exception cref="ArgumentException">The parts do not fit the opcode's reply.</exception>
    public static int Write(
        IBufferWriter<byte> output, in FuseProtocol protocol, FuseOpcode opcode, ulong unique,
        ReadOnlySpan<byte> argument, ReadOnlySpan<byte> argument2 = default, ReadOnlySpan<byte> data = default)
    {
        uint replyMinor = opcode == FuseOpcode.Init && argument.Length >= 8 ? MemoryMarshal.Read<uint>(argument[4..]) : protocol.Minor;
        // GETXATTR and LISTXATTR answer a size query (request size 0) with fuse_getxattr_out, any other request with the
        // value itself: an argument means the former, none the latter. The layout only needs to know zero or not.
        uint requestSize = opcode is FuseOpcode.Getxattr or FuseOpcode.Listxattr && argument.IsEmpty ? 1u : 0u;
        if (!FuseReplyLayout.TryGetShape(opcode, requestSize, protocol, replyMinor, out FuseReplyShape shape))
        {
            ThrowHelper.ThrowArgument(FuseNames.OpcodeName(opcode) + " gets no reply.", nameof(opcode));
        }

        if (opcode == FuseOpcode.Init && argument.Length >= 4 && MemoryMarshal.Read<uint>(argument) != FuseConstants.KernelVersion)
        {
            ThrowHelper.ThrowArgument("An INIT reply states major version 7.", nameof(argument));
        }

        if (argument.Length < shape.ArgSize || argument2.Length < shape.Arg2Size || (shape.Data == FuseReplyData.None && !data.IsEmpty))
        {
            ThrowHelper.ThrowArgument("The parts do not fit a " + FuseNames.OpcodeName(opcode) + " reply.", nameof(argument));
        }

        return WriteFrame(output, unique, 0, argument[..shape.ArgSize], argument2[..shape.Arg2Size], data);
    }

    /// <summary>Writes a success reply whose argument is a struct.</summary>
    /// <typeparam name="TArg">The reply struct.</typeparam>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="opcode">The opcode of the request answered.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="argument">The argument.</param>
    /// <param name="data">Data after it, for opcodes that carry some.</param>
    /// <returns>The frame's length.</returns>
    public static int Write<TArg>(IBufferWriter<byte> output, in FuseProtocol protocol, FuseOpcode opcode, ulong unique, in TArg argument, ReadOnlySpan<byte> data = default)
        where TArg : unmanaged =>
        Write(output, protocol, opcode, unique, MemoryMarshal.AsBytes(new ReadOnlySpan<TArg>(in argument)), default, data);

    /// <summary>Writes an entry reply (LOOKUP, MKNOD, MKDIR, SYMLINK, LINK): 120 bytes before 7.9, 128 after.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteEntry(IBufferWriter<byte> output, in FuseProtocol protocol, ulong unique, in FuseEntryOut entry) =>
        WriteFrame(output, unique, 0, AsBytes(entry)[..protocol.EntryOutSize], default, default);

    /// <summary>Writes an attr reply (GETATTR, SETATTR): 96 bytes before 7.9, 104 after.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="attr">The attributes.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteAttr(IBufferWriter<byte> output, in FuseProtocol protocol, ulong unique, in FuseAttrOut attr) =>
        WriteFrame(output, unique, 0, AsBytes(attr)[..protocol.AttrOutSize], default, default);

    /// <summary>Writes an OPEN or OPENDIR reply.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="open">The handle and FOPEN_* flags.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteOpen(IBufferWriter<byte> output, ulong unique, in FuseOpenOut open) =>
        WriteFrame(output, unique, 0, AsBytes(open), default, default);

    /// <summary>Writes a CREATE or TMPFILE reply: the entry, then the open handle.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="entry">The new entry.</param>
    /// <param name="open">The handle and FOPEN_* flags.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteCreate(IBufferWriter<byte> output, in FuseProtocol protocol, ulong unique, in FuseEntryOut entry, in FuseOpenOut open) =>
        WriteFrame(output, unique, 0, AsBytes(entry)[..protocol.EntryOutSize], AsBytes(open), default);

    /// <summary>Writes a WRITE (or COPY_FILE_RANGE) reply.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="size">Bytes written.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteWrite(IBufferWriter<byte> output, ulong unique, uint size)
    {
        FuseWriteOut arg = new() { Size = size };
        return WriteFrame(output, unique, 0, AsBytes(arg), default, default);
    }

    /// <summary>Writes a STATFS reply (48 bytes before 7.4).</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="statfs">The statistics.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteStatfs(IBufferWriter<byte> output, in FuseProtocol protocol, ulong unique, in FuseStatfsOut statfs) =>
        WriteFrame(output, unique, 0, AsBytes(statfs)[..protocol.StatfsOutSize], default, default);

    /// <summary>Writes a GETXATTR or LISTXATTR reply to a request of size 0: the size needed.</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The request's unique.</param>
    /// <param name="size">Bytes the value or list needs.</param>
    /// <returns>The frame's length.</returns>
    public static int WriteXattrSize(IBufferWriter<byte> output, ulong unique, uint size)
    {
        FuseGetxattrOut arg = new() { Size = size };
        return WriteFrame(output, unique, 0, AsBytes(arg), default, default);
    }

    /// <summary>Writes an INIT reply, sized by the minor it states (8 bytes before 7.5, 24 before 7.23, 64 after).</summary>
    /// <param name="output">Where the frame goes.</param>
    /// <param name="unique">The INIT's unique.</param>
    /// <param name="init">The reply.</param>
    /// <returns>The frame's length.</returns>
    /// <exception cref="ArgumentException">The reply's major version is not 7: the kernel would end the connection.</exception>
    public static int WriteInit(IBufferWriter<byte> output, ulong unique, in FuseInitOut init)
    {
        if (init.Major != FuseConstants.KernelVersion)
        {
            ThrowHelper.ThrowArgument("An INIT reply states major version 7.", nameof(init));
        }

        return WriteFrame(output, unique, 0, AsBytes(init)[..FuseProtocol.InitOutSize(init.Minor)], default, default);
    }

    /// <summary>Writes only the out header into <paramref name="frame"/>, for replies whose payload is built in place (dirents, READ data).</summary>
    /// <param name="frame">The frame; its first 16 bytes receive the header, and its length is the frame's.</param>
    /// <param name="unique">The request's unique.</param>
    public static void WriteHeader(Span<byte> frame, ulong unique)
    {
        FuseOutHeader header = new() { Len = (uint)frame.Length, Error = 0, Unique = unique };
        MemoryMarshal.Write(frame, in header);
    }

    /// <summary>The bytes of a wire struct, without a copy.</summary>
    internal static ReadOnlySpan<byte> AsBytes<T>(in T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));

    /// <summary>Writes an out frame: the header (len computed) and up to three parts. Replies and notifications share it.</summary>
    internal static int WriteFrame(IBufferWriter<byte> output, ulong unique, int error, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> argument2, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(output);
        int length = FuseOutHeader.StructSize + argument.Length + argument2.Length + data.Length;
        Span<byte> frame = output.GetSpan(length);
        FuseOutHeader header = new() { Len = (uint)length, Error = error, Unique = unique };
        MemoryMarshal.Write(frame, in header);
        argument.CopyTo(frame[FuseOutHeader.StructSize..]);
        argument2.CopyTo(frame[(FuseOutHeader.StructSize + argument.Length)..]);
        data.CopyTo(frame[(FuseOutHeader.StructSize + argument.Length + argument2.Length)..]);
        output.Advance(length);
        return length;
    }
}
