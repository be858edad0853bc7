using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Tests.Codec;

namespace FuseWire.Tests.Properties;

/// <summary>Generates valid replies for every opcode that gets one: errors, fixed structs with random bytes, data within the requested size, dirent listings.</summary>
internal static class ReplyCaseGen
{
    private static readonly FuseOpcode[] ReplyOpcodes = RequestArgumentTypes.AllOpcodes.Where(o => !ReplyArgumentTypes.IsNoReply(o)).ToArray();

    public static Gen<ReplyCase> Any { get; } =
        from opcode in Gen.Elements(ReplyOpcodes)
        from protocol in RequestCaseGen.Protocol
        from unique in ByteGen.UInt64.Select(u => u == 0 ? 1 : u)
        from requestedSize in RequestedSize(opcode)
        from isError in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from errno in Gen.Choose(1, 511)
        from argument in ByteGen.Bytes(ReplyArgumentTypes.FullSize(opcode, requestedSize))
        from initMinor in Gen.Choose(0, 60) // a daemon answers at most the minor offered: the protocol's
        from argument2 in ByteGen.Bytes(opcode is FuseOpcode.Create or FuseOpcode.Tmpfile ? FuseOpenOut.StructSize : 0)
        from data in Data(opcode, requestedSize)
        select isError
            ? new ReplyCase(protocol, opcode, unique, requestedSize, errno, [], [], [])
            : new ReplyCase(protocol, opcode, unique, requestedSize, 0, FixInit(opcode, argument, Math.Min((uint)initMinor, protocol.Minor)), argument2, data);

    private static Gen<uint> RequestedSize(FuseOpcode opcode) => opcode switch
    {
        FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus => Gen.Choose(0, 2000).Select(i => (uint)i),
        FuseOpcode.Getxattr or FuseOpcode.Listxattr => Gen.Frequency((1, Gen.Constant(0u)), (2, Gen.Choose(1, 300).Select(i => (uint)i))),
        FuseOpcode.Ioctl => Gen.Choose(0, 100).Select(i => (uint)i),
        _ => Gen.Constant(0u),
    };

    private static Gen<byte[]> Data(FuseOpcode opcode, uint requestedSize)
    {
        int limit = requestedSize == 0 ? 300 : (int)requestedSize;
        return opcode switch
        {
            FuseOpcode.Read or FuseOpcode.Readlink or FuseOpcode.Ioctl => ByteGen.Bytes(0, Math.Min(limit, 300)),
            FuseOpcode.Getxattr or FuseOpcode.Listxattr when requestedSize != 0 => ByteGen.Bytes(0, Math.Min(limit, 300)),
            FuseOpcode.CuseInit => ByteGen.Bytes(0, 300),
            FuseOpcode.Readdir or FuseOpcode.Readdirplus => Listing(opcode == FuseOpcode.Readdirplus, requestedSize == 0 ? 4096 : (int)requestedSize),
            _ => Gen.Constant(Array.Empty<byte>()),
        };
    }

    private static Gen<byte[]> Listing(bool plus, int capacity) =>
        from count in Gen.Choose(0, 8)
        from names in Gen.ArrayOf(ByteGen.EntryName, count)
        from inos in Gen.ArrayOf(ByteGen.UInt64, count)
        from entries in Gen.ArrayOf(ByteGen.Bytes(FuseEntryOut.StructSize), count)
        select Pack(plus, capacity, names, inos, entries);

    private static byte[] Pack(bool plus, int capacity, byte[][] names, ulong[] inos, byte[][] entries)
    {
        byte[] buffer = new byte[capacity];
        FuseDirentWriter writer = new(buffer, plus);
        for (int i = 0; i < names.Length; i++)
        {
            if (!writer.TryAdd(inos[i], (ulong)i + 1, (uint)(inos[i] % 16), names[i], WireBytes.ZeroExtended<FuseEntryOut>(entries[i])))
            {
                break;
            }
        }

        return writer.Written.ToArray();
    }

    private static byte[] FixInit(FuseOpcode opcode, byte[] argument, uint minor)
    {
        if (opcode == FuseOpcode.Init)
        {
            WireBytes.PutUInt32(argument, 0, FuseConstants.KernelVersion);
            WireBytes.PutUInt32(argument, 4, minor);
        }

        return argument;
    }
}
