using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Fuzzing;

/// <summary>Valid frames of every opcode, written with the library's writers, for the seed corpora.</summary>
public static class SeedFrames
{
    /// <summary>Every request opcode the codec knows.</summary>
    public static readonly FuseOpcode[] Opcodes =
    [
        FuseOpcode.Lookup, FuseOpcode.Forget, FuseOpcode.Getattr, FuseOpcode.Setattr, FuseOpcode.Readlink, FuseOpcode.Symlink,
        FuseOpcode.Mknod, FuseOpcode.Mkdir, FuseOpcode.Unlink, FuseOpcode.Rmdir, FuseOpcode.Rename, FuseOpcode.Link, FuseOpcode.Open,
        FuseOpcode.Read, FuseOpcode.Write, FuseOpcode.Statfs, FuseOpcode.Release, FuseOpcode.Fsync, FuseOpcode.Setxattr,
        FuseOpcode.Getxattr, FuseOpcode.Listxattr, FuseOpcode.Removexattr, FuseOpcode.Flush, FuseOpcode.Init, FuseOpcode.Opendir,
        FuseOpcode.Readdir, FuseOpcode.Releasedir, FuseOpcode.Fsyncdir, FuseOpcode.Getlk, FuseOpcode.Setlk, FuseOpcode.Setlkw,
        FuseOpcode.Access, FuseOpcode.Create, FuseOpcode.Interrupt, FuseOpcode.Bmap, FuseOpcode.Destroy, FuseOpcode.Ioctl,
        FuseOpcode.Poll, FuseOpcode.NotifyReply, FuseOpcode.BatchForget, FuseOpcode.Fallocate, FuseOpcode.Readdirplus,
        FuseOpcode.Rename2, FuseOpcode.Lseek, FuseOpcode.CopyFileRange, FuseOpcode.Setupmapping, FuseOpcode.Removemapping,
        FuseOpcode.Syncfs, FuseOpcode.Tmpfile, FuseOpcode.Statx, FuseOpcode.CopyFileRange64, FuseOpcode.CuseInit,
    ];

    private static readonly byte[] Hello = Encoding.ASCII.GetBytes("hello, fuse\n");

    /// <summary>The protocol a kernel of <paramref name="minor"/> negotiates with flags SETXATTR_EXT and INIT_EXT where it has them.</summary>
    /// <param name="minor">The minor.</param>
    /// <returns>The protocol.</returns>
    public static FuseProtocol Protocol(uint minor) =>
        new(minor, minor >= 36 ? FuseInitFlags.SetxattrExt | FuseInitFlags.InitExt : default);

    /// <summary>A valid request of <paramref name="opcode"/> at <paramref name="protocol"/>, with small plausible arguments.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="opcode">The opcode.</param>
    /// <param name="unique">The unique.</param>
    /// <param name="nodeId">The node.</param>
    /// <param name="extensions">Extension records (7.38 and later).</param>
    /// <param name="nameOverride">A first name instead of the opcode's usual one.</param>
    /// <returns>The frame.</returns>
    public static byte[] Request(
        in FuseProtocol protocol, FuseOpcode opcode, ulong unique, ulong nodeId = FuseConstants.RootId, ReadOnlySpan<byte> extensions = default, string? nameOverride = null)
    {
        byte[] arg = new byte[256];
        byte[] name = [], name2 = [], data = [];
        switch (opcode)
        {
            case FuseOpcode.Lookup or FuseOpcode.Unlink or FuseOpcode.Rmdir:
                name = Ascii("file");
                break;
            case FuseOpcode.Forget:
                Put64(arg, 0, 1);
                break;
            case FuseOpcode.Setattr:
                Put32(arg, 0, 0x1 | 0x8); // FATTR_MODE | FATTR_SIZE
                Put64(arg, 16, 4);
                Put32(arg, 68, 0x81A4);
                break;
            case FuseOpcode.Symlink:
                name = Ascii("link");
                name2 = Ascii("target/path");
                break;
            case FuseOpcode.Mknod:
                Put32(arg, 0, 0x81A4);
                name = Ascii("node");
                break;
            case FuseOpcode.Mkdir:
                Put32(arg, 0, 0x1ED);
                name = Ascii("dir");
                break;
            case FuseOpcode.Rename:
                Put64(arg, 0, FuseConstants.RootId);
                name = Ascii("old");
                name2 = Ascii("new");
                break;
            case FuseOpcode.Rename2:
                Put64(arg, 0, FuseConstants.RootId);
                Put32(arg, 8, 1);
                name = Ascii("old");
                name2 = Ascii("new");
                break;
            case FuseOpcode.Link:
                Put64(arg, 0, 2);
                name = Ascii("hardlink");
                break;
            case FuseOpcode.Open or FuseOpcode.Opendir:
                Put32(arg, 0, 2);
                break;
            case FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus:
                Put64(arg, 0, 1);
                Put32(arg, 16, 4096);
                break;
            case FuseOpcode.Write:
                Put64(arg, 0, 1);
                Put32(arg, 16, (uint)Hello.Length);
                data = Hello;
                break;
            case FuseOpcode.Setxattr:
                Put32(arg, 0, 5);
                name = Ascii("user.fuzz");
                data = Ascii("value");
                break;
            case FuseOpcode.Getxattr:
                Put32(arg, 0, 64);
                name = Ascii("user.fuzz");
                break;
            case FuseOpcode.Listxattr:
                Put32(arg, 0, 256);
                break;
            case FuseOpcode.Removexattr:
                name = Ascii("user.fuzz");
                break;
            case FuseOpcode.Init:
                Put32(arg, 0, FuseConstants.KernelVersion);
                Put32(arg, 4, protocol.Minor);
                Put32(arg, 8, 128 * 1024);
                FuseProtocol.Split(FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.SetxattrExt | FuseInitFlags.InitExt, out uint low, out uint high);
                Put32(arg, 12, low);
                Put32(arg, 16, high);
                break;
            case FuseOpcode.Getlk or FuseOpcode.Setlk or FuseOpcode.Setlkw:
                Put64(arg, 0, 1);
                Put64(arg, 24, 100);
                Put32(arg, 32, 1);
                break;
            case FuseOpcode.Access:
                Put32(arg, 0, 4);
                break;
            case FuseOpcode.Create or FuseOpcode.Tmpfile:
                Put32(arg, 0, 0x42);
                Put32(arg, 4, 0x81A4);
                name = opcode == FuseOpcode.Create ? Ascii("created") : Ascii("tmp");
                break;
            case FuseOpcode.Interrupt:
                Put64(arg, 0, unique > 1 ? unique - 1 : 1);
                break;
            case FuseOpcode.Bmap:
                Put64(arg, 0, 3);
                Put32(arg, 8, 4096);
                break;
            case FuseOpcode.Ioctl:
                Put64(arg, 0, 1);
                Put32(arg, 24, 4);
                Put32(arg, 28, 16);
                data = Ascii("ictl");
                break;
            case FuseOpcode.Poll:
                Put64(arg, 0, 1);
                Put64(arg, 8, 7);
                Put32(arg, 16, 1);
                Put32(arg, 20, 1);
                break;
            case FuseOpcode.NotifyReply:
                Put64(arg, 8, 0);
                Put32(arg, 16, (uint)Hello.Length);
                data = Hello;
                break;
            case FuseOpcode.BatchForget:
                Put32(arg, 0, 2);
                data = new byte[2 * FuseForgetOne.StructSize];
                Put64(data, 0, 2);
                Put64(data, 8, 1);
                Put64(data, 16, 3);
                Put64(data, 24, 1);
                break;
            case FuseOpcode.Removemapping:
                Put32(arg, 0, 1);
                data = new byte[FuseRemovemappingOne.StructSize];
                Put64(data, 8, 4096);
                break;
            case FuseOpcode.Fallocate:
                Put64(arg, 0, 1);
                Put64(arg, 16, 8192);
                break;
            case FuseOpcode.Lseek:
                Put64(arg, 0, 1);
                Put32(arg, 16, 3);
                break;
            case FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64:
                Put64(arg, 0, 1);
                Put64(arg, 16, 2);
                Put64(arg, 24, 2);
                Put64(arg, 40, 5);
                break;
            case FuseOpcode.Statx:
                Put32(arg, 20, 0x7FF);
                break;
            case FuseOpcode.CuseInit:
                Put32(arg, 0, FuseConstants.KernelVersion);
                Put32(arg, 4, protocol.Minor);
                break;
        }

        if (nameOverride is not null)
        {
            name = Ascii(nameOverride);
        }

        FuseInHeader header = new() { Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 4242 };
        ArrayBufferWriter<byte> output = new(arg.Length + name.Length + name2.Length + data.Length + extensions.Length + 64);
        _ = FuseRequestWriter.Write(output, protocol, header, arg, name, name2, data, extensions);
        return Copy(output.WrittenSpan);
    }

    /// <summary>The extensions a 7.45 kernel sends with a creating request: a security context and the supplementary groups.</summary>
    /// <returns>The extension area.</returns>
    public static byte[] CreateExtensions()
    {
        byte[] contextName = Ascii("security.selinux");
        byte[] value = Ascii("system_u:object_r:fuse_t:s0\0");
        int record = Align8(8 + contextName.Length + 1 + value.Length);
        int secctx = FuseSecctxHeader.StructSize + record;
        int groups = Align8(8 + 4 + (2 * 4));
        byte[] area = new byte[secctx + groups];
        Put32(area, 0, (uint)secctx);
        Put32(area, 4, 1);
        Put32(area, 8, (uint)value.Length);
        contextName.CopyTo(area, 16);
        value.CopyTo(area, 16 + contextName.Length + 1);
        Put32(area, secctx, (uint)groups);
        Put32(area, secctx + 4, (uint)FuseExtType.ExtGroups);
        Put32(area, secctx + 8, 2);
        Put32(area, secctx + 12, 100);
        Put32(area, secctx + 16, 27);
        return area;
    }

    /// <summary>A valid reply to <paramref name="context"/>'s request at <paramref name="protocol"/>, or null for an opcode with no reply.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <param name="context">The request answered.</param>
    /// <returns>The frame.</returns>
    public static byte[]? Reply(in FuseProtocol protocol, in FuseReplyContext context)
    {
        FuseOpcode opcode = context.Opcode;
        ulong unique = context.Unique;
        ArrayBufferWriter<byte> output = new(8192);
        byte[] arg = new byte[512];
        switch (opcode)
        {
            case FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.NotifyReply:
                return null;
            case FuseOpcode.Init:
                Put32(arg, 0, FuseConstants.KernelVersion);
                Put32(arg, 4, protocol.Minor);
                Put32(arg, 8, 128 * 1024);
                Put32(arg, 12, (uint)(FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites));
                Put32(arg, 20, 1 << 20);
                Put32(arg, 24, 1);
                _ = FuseReplyWriter.Write(output, protocol, opcode, unique, arg);
                break;
            case FuseOpcode.Read or FuseOpcode.Readlink:
                _ = FuseReplyWriter.WriteData(output, unique, Hello);
                break;
            case FuseOpcode.Getxattr or FuseOpcode.Listxattr when context.RequestedSize != 0:
                _ = FuseReplyWriter.WriteData(output, unique, Ascii("user.a\0user.b\0"));
                break;
            case FuseOpcode.Readdir or FuseOpcode.Readdirplus:
                bool plus = opcode == FuseOpcode.Readdirplus;
                byte[] records = new byte[1024];
                FuseDirentWriter dirents = new(records, plus);
                FuseEntryOut entry = new() { NodeId = 2, Generation = 1 };
                _ = dirents.TryAdd(1, 1, 4, Ascii("."), entry);
                _ = dirents.TryAdd(1, 2, 4, Ascii(".."), entry);
                _ = dirents.TryAdd(2, 3, 8, Ascii("file"), entry);
                _ = FuseReplyWriter.WriteData(output, unique, dirents.Written);
                break;
            case FuseOpcode.Ioctl:
                _ = FuseReplyWriter.Write(output, protocol, opcode, unique, arg, default, Ascii("out!"));
                break;
            case FuseOpcode.CuseInit:
                Put32(arg, 0, FuseConstants.KernelVersion);
                Put32(arg, 4, protocol.Minor);
                _ = FuseReplyWriter.Write(output, protocol, opcode, unique, arg, default, Ascii("DEVNAME=fuzz\0"));
                break;
            case FuseOpcode.Create or FuseOpcode.Tmpfile:
                Put64(arg, 0, 5);
                _ = FuseReplyWriter.Write(output, protocol, opcode, unique, arg, arg);
                break;
            default:
                Put64(arg, 0, 2);
                Put64(arg, 8, 1);
                try
                {
                    _ = FuseReplyWriter.Write(output, protocol, opcode, unique, opcode is FuseOpcode.Getxattr or FuseOpcode.Listxattr ? arg.AsSpan(0, 8) : arg);
                }
                catch (ArgumentException)
                {
                    // An opcode whose success carries nothing (the writer wants no argument): an empty reply.
                    output.Clear();
                    _ = FuseReplyWriter.WriteEmpty(output, unique);
                }

                break;
        }

        return Copy(output.WrittenSpan);
    }

    /// <summary>An error reply.</summary>
    /// <param name="unique">The unique.</param>
    /// <param name="errno">The positive errno.</param>
    /// <returns>The frame.</returns>
    public static byte[] Error(ulong unique, int errno)
    {
        ArrayBufferWriter<byte> output = new(64);
        _ = FuseReplyWriter.WriteError(output, unique, errno);
        return Copy(output.WrittenSpan);
    }

    /// <summary>One notification of every code.</summary>
    /// <returns>The frames.</returns>
    public static byte[][] Notifications()
    {
        byte[][] frames = new byte[9][];
        for (int i = 0; i < frames.Length; i++)
        {
            ArrayBufferWriter<byte> output = new(512);
            _ = (i + 1) switch
            {
                1 => FuseNotificationWriter.WritePollWakeup(output, 7),
                2 => FuseNotificationWriter.WriteInvalInode(output, 2, 0, -1),
                3 => FuseNotificationWriter.WriteInvalEntry(output, 1, Ascii("file")),
                4 => FuseNotificationWriter.WriteStore(output, 2, 0, Hello),
                5 => FuseNotificationWriter.WriteRetrieve(output, 9, 2, 0, 4096),
                6 => FuseNotificationWriter.WriteDelete(output, 1, 2, Ascii("file")),
                7 => FuseNotificationWriter.WriteEmpty(output, FuseNotifyCode.Resend),
                8 => FuseNotificationWriter.WriteEmpty(output, FuseNotifyCode.IncEpoch),
                _ => FuseNotificationWriter.WritePrune(output, [2, 3]),
            };
            frames[i] = Copy(output.WrittenSpan);
        }

        return frames;
    }

    internal static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static int Align8(int value) => (value + 7) & ~7;

    private static void Put32(byte[] buffer, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset), value);

    private static void Put64(byte[] buffer, int offset, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(offset), value);

    private static byte[] Copy(ReadOnlySpan<byte> span)
    {
        byte[] copy = new byte[span.Length];
        span.CopyTo(copy);
        return copy;
    }
}
