using System;
using System.Buffers;
using System.Linq;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Validation;

/// <summary>Valid request frames written by <see cref="FuseRequestWriter"/>, the starting point of every malformed request.</summary>
internal static class RequestFrames
{
    public const ulong Unique = 0x5EED;

    public static byte[] Bytes(int length, char fill = 'a') => Enumerable.Repeat((byte)fill, length).ToArray();

    public static byte[] Write(
        in FuseProtocol protocol, FuseOpcode opcode, ReadOnlySpan<byte> argument,
        ReadOnlySpan<byte> name = default, ReadOnlySpan<byte> name2 = default, ReadOnlySpan<byte> data = default, ReadOnlySpan<byte> extensions = default)
    {
        FuseInHeader header = new() { Opcode = opcode, Unique = Unique, NodeId = FuseConstants.RootId, Uid = 1000, Gid = 1000, Pid = 4242 };
        if (IsValidForWriter(name) && IsValidForWriter(name2) && extensions.IsEmpty)
        {
            ArrayBufferWriter<byte> output = new();
            _ = FuseRequestWriter.Write(output, protocol, header, argument, name, name2, data, extensions);
            return output.WrittenSpan.ToArray();
        }

        // The writer refuses bad names and malformed extensions, so frames that carry them are composed by hand, the same way.
        int argLength = FuseRequestLayout.TryGetShape(opcode, protocol, out FuseRequestShape shape) ? shape.ArgSize : argument.Length;
        argLength = Math.Min(argLength, argument.Length);
        byte[] frame = new byte[FuseInHeader.StructSize + argLength + (shape.NameCount >= 1 ? name.Length + 1 : 0) + (shape.NameCount >= 2 ? name2.Length + 1 : 0) + data.Length + extensions.Length];
        header.Len = (uint)frame.Length;
        header.TotalExtLen = (ushort)(extensions.Length / 8);
        System.Runtime.InteropServices.MemoryMarshal.Write(frame, in header);
        int cursor = FuseInHeader.StructSize;
        argument[..argLength].CopyTo(frame.AsSpan(cursor));
        cursor += argLength;
        if (shape.NameCount >= 1)
        {
            name.CopyTo(frame.AsSpan(cursor));
            cursor += name.Length + 1;
        }

        if (shape.NameCount >= 2)
        {
            name2.CopyTo(frame.AsSpan(cursor));
            cursor += name2.Length + 1;
        }

        data.CopyTo(frame.AsSpan(cursor));
        extensions.CopyTo(frame.AsSpan(cursor + data.Length));
        return frame;
    }

    private static bool IsValidForWriter(ReadOnlySpan<byte> name) =>
        name.Length is <= FuseConstants.NameMax and > 0 && name.IndexOf((byte)'/') < 0;

    public static byte[] Write<TArg>(in FuseProtocol protocol, FuseOpcode opcode, in TArg argument, ReadOnlySpan<byte> name = default, ReadOnlySpan<byte> name2 = default, ReadOnlySpan<byte> data = default)
        where TArg : unmanaged
    {
        return Write(protocol, opcode, System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<TArg>(in argument)), name, name2, data);
    }

    /// <summary>LOOKUP of <paramref name="name"/>: header (40) then the name and its NUL.</summary>
    public static byte[] Lookup(ReadOnlySpan<byte> name) => Write(FuseProtocol.Latest, FuseOpcode.Lookup, default, name);

    /// <summary>LOOKUP "hello.txt" (50 bytes).</summary>
    public static byte[] Lookup() => Lookup("hello.txt"u8);

    /// <summary>READ of 4096 bytes: its argument is 24 bytes before 7.9, 40 after.</summary>
    public static byte[] Read(in FuseProtocol protocol, uint size = 4096) =>
        Write(protocol, FuseOpcode.Read, new FuseReadIn { Fh = 7, Offset = 0, Size = size });

    /// <summary>WRITE of <paramref name="data"/>: argument 40 bytes (at 7.45), data at 80.</summary>
    public static byte[] WriteRequest(in FuseProtocol protocol, ReadOnlySpan<byte> data) =>
        Write(protocol, FuseOpcode.Write, new FuseWriteIn { Fh = 7, Size = (uint)data.Length }, data: data);

    /// <summary>MKDIR of <paramref name="name"/>: argument 8 bytes, name at 48.</summary>
    public static byte[] Mkdir(ReadOnlySpan<byte> name) =>
        Write(FuseProtocol.Latest, FuseOpcode.Mkdir, new FuseMkdirIn { Mode = 0x1ED }, name);

    /// <summary>RENAME <paramref name="oldName"/> to <paramref name="newName"/>: argument 8 bytes, names from 48.</summary>
    public static byte[] Rename(ReadOnlySpan<byte> oldName, ReadOnlySpan<byte> newName) =>
        Write(FuseProtocol.Latest, FuseOpcode.Rename, new FuseRenameIn { NewDir = 9 }, oldName, newName);

    /// <summary>SYMLINK: entry name at 40, then the target.</summary>
    public static byte[] Symlink(ReadOnlySpan<byte> name, ReadOnlySpan<byte> target) =>
        Write(FuseProtocol.Latest, FuseOpcode.Symlink, default, name, target);

    /// <summary>TMPFILE: argument 16 bytes, name at 56.</summary>
    public static byte[] Tmpfile(ReadOnlySpan<byte> name) =>
        Write(FuseProtocol.Latest, FuseOpcode.Tmpfile, new FuseCreateIn { Flags = 2, Mode = 0x81A4 }, name);

    /// <summary>SETXATTR at 7.45 with FUSE_SETXATTR_EXT: argument 16 bytes, name at 56, then the value.</summary>
    public static byte[] Setxattr(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
        Write(FuseProtocol.Latest, FuseOpcode.Setxattr, new FuseSetxattrIn { Size = (uint)value.Length }, name, data: value);

    /// <summary>GETXATTR of <paramref name="name"/>: argument 8 bytes, name at 48.</summary>
    public static byte[] Getxattr(ReadOnlySpan<byte> name, uint size = 256) =>
        Write(FuseProtocol.Latest, FuseOpcode.Getxattr, new FuseGetxattrIn { Size = size }, name);

    /// <summary>IOCTL with <paramref name="input"/>: argument 32 bytes, input at 72.</summary>
    public static byte[] Ioctl(ReadOnlySpan<byte> input, uint outSize = 64) =>
        Write(FuseProtocol.Latest, FuseOpcode.Ioctl, new FuseIoctlIn { Fh = 3, Cmd = 0x5401, InSize = (uint)input.Length, OutSize = outSize }, data: input);

    /// <summary>BATCH_FORGET of <paramref name="count"/> entries: argument 8 bytes, entries (16 each) at 48.</summary>
    public static byte[] BatchForget(int count)
    {
        FuseForgetOne[] forgets = Enumerable.Range(0, count).Select(i => new FuseForgetOne { NodeId = (ulong)(i + 2), NLookup = 1 }).ToArray();
        return Write(FuseProtocol.Latest, FuseOpcode.BatchForget, new FuseBatchForgetIn { Count = (uint)count }, data: System.Runtime.InteropServices.MemoryMarshal.AsBytes(forgets.AsSpan()));
    }

    /// <summary>INIT stating 7.<paramref name="minor"/>: 64-byte argument from 7.36, 16 bytes before.</summary>
    public static byte[] Init(uint minor = FuseConstants.KernelMinorVersion) =>
        Write(FuseProtocol.Initial, FuseOpcode.Init, new FuseInitIn { Major = FuseConstants.KernelVersion, Minor = minor, MaxReadahead = 131072 });

    /// <summary>An 8-byte extension header of <paramref name="size"/> bytes in total, type FUSE_EXT_GROUPS, padded with zeros.</summary>
    public static byte[] Extension(uint size, int areaLength)
    {
        byte[] area = new byte[areaLength];
        FrameEdit.SetUInt32(area, 0, size);
        FrameEdit.SetUInt32(area, 4, (uint)FuseExtType.ExtGroups);
        return area;
    }
}
