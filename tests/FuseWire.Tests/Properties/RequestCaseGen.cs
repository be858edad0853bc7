using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Tests.Codec;

namespace FuseWire.Tests.Properties;

/// <summary>
/// Generates valid requests of any opcode at any minor: random argument bytes except the fields that must agree with the frame
/// (WRITE/NOTIFY_REPLY size, SETXATTR size, IOCTL in_size, BATCH_FORGET/REMOVEMAPPING count, INIT major 7), random valid names,
/// random data, and random extensions from 7.38.
/// </summary>
internal static class RequestCaseGen
{
    public static Gen<FuseProtocol> Protocol { get; } =
        from minor in Gen.Frequency((1, Gen.Choose(1, 45)), (1, Gen.Elements(8, 9, 11, 12, 35, 36, 37, 38, 45)))
        from setxattrExt in Gen.Elements(true, false)
        select new FuseProtocol((uint)minor, FuseInitFlags.InitExt | (setxattrExt ? FuseInitFlags.SetxattrExt : 0));

    public static Gen<FuseInHeader> Header(FuseOpcode opcode) =>
        from unique in ByteGen.UInt64
        from nodeId in ByteGen.UInt64
        from uid in ByteGen.UInt32
        from gid in ByteGen.UInt32
        from pid in ByteGen.UInt32
        from padding in Gen.Choose(0, ushort.MaxValue)
        select new FuseInHeader { Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = uid, Gid = gid, Pid = pid, Padding = (ushort)padding };

    /// <summary>One extension record: a size that is a multiple of 8, any type, random body.</summary>
    public static Gen<byte[]> Extension { get; } =
        from words in Gen.Choose(0, 4)
        from type in ByteGen.UInt32
        from body in ByteGen.Bytes(words * 8)
        select BuildExtension(type, body);

    public static Gen<byte[]> Extensions(uint minor) => minor < FuseWire.Protocol.FuseProtocol.ExtensionsMinor
        ? Gen.Constant(Array.Empty<byte>())
        : Gen.Frequency(
            (2, Gen.Constant(Array.Empty<byte>())),
            (2, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(Extension, n)).Select(list => list.SelectMany(e => e).ToArray())),
            (1, Gen.Constant(RequestExtensions.SupplementaryGroups(4, 5, 6)
                .Concat(RequestExtensions.SecurityContext("security.selinux", [1, 2, 3])).ToArray())));

    public static Gen<RequestCase> Any { get; } =
        from opcode in Gen.Elements(RequestArgumentTypes.AllOpcodes)
        from protocol in Protocol
        from c in For(opcode, protocol)
        select c;

    public static Gen<RequestCase> For(FuseOpcode opcode, FuseProtocol protocol) =>
        from header in Header(opcode)
        from argument in ByteGen.Bytes(RequestArgumentTypes.FullSize(opcode))
        from initMinor in Gen.Choose(0, 60)
        from names in Names(opcode)
        from data in Data(opcode)
        from extensions in Extensions(protocol.Minor)
        select Build(protocol, header, argument, (uint)initMinor, names, data, extensions);

    private static RequestCase Build(
        FuseProtocol protocol, FuseInHeader header, byte[] argument, uint initMinor, (byte[] Name, byte[] Name2) names, byte[] data, byte[] extensions)
    {
        RequestSample.FixCounts(header.Opcode, argument, data.Length, initMinor);
        return new RequestCase(protocol, header, argument, names.Name, names.Name2, data, extensions);
    }

    private static Gen<(byte[] Name, byte[] Name2)> Names(FuseOpcode opcode)
    {
        Gen<byte[]> none = Gen.Constant(Array.Empty<byte>());
        return opcode switch
        {
            FuseOpcode.Lookup or FuseOpcode.Unlink or FuseOpcode.Rmdir or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Create
                or FuseOpcode.Link => Gen.Zip(ByteGen.EntryName, none),
            FuseOpcode.Rename or FuseOpcode.Rename2 => Gen.Zip(ByteGen.EntryName, ByteGen.EntryName),
            FuseOpcode.Symlink => Gen.Zip(ByteGen.EntryName, Gen.Frequency((3, ByteGen.Name(64, true)), (1, ByteGen.Name(4095, true)))),
            FuseOpcode.Setxattr or FuseOpcode.Getxattr or FuseOpcode.Removexattr => Gen.Zip(ByteGen.Name(255, true), none),
            FuseOpcode.Tmpfile => Gen.Zip(Gen.Frequency((3, Gen.Constant("/"u8.ToArray())), (1, ByteGen.Name(255, true))), none),
            _ => Gen.Zip(none, none),
        };
    }

    private static Gen<byte[]> Data(FuseOpcode opcode) => opcode switch
    {
        FuseOpcode.Write or FuseOpcode.Setxattr or FuseOpcode.Ioctl or FuseOpcode.NotifyReply => ByteGen.Bytes(0, 80),
        FuseOpcode.BatchForget or FuseOpcode.Removemapping => Gen.Choose(0, 4).SelectMany(n => ByteGen.Bytes(16 * n)),
        _ => Gen.Constant(Array.Empty<byte>()),
    };

    private static byte[] BuildExtension(uint type, byte[] body)
    {
        byte[] ext = new byte[8 + body.Length];
        WireBytes.PutUInt32(ext, 0, (uint)ext.Length);
        WireBytes.PutUInt32(ext, 4, type);
        body.CopyTo(ext, 8);
        return ext;
    }
}
