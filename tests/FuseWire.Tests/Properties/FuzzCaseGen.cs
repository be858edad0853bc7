using System;
using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Properties;

/// <summary>
/// Generates bytes for the decoders: random arrays, random arrays with a plausible header, and valid requests, replies and
/// notifications damaged by zero to three <see cref="FrameMutation"/>s; decoded with their own or a random protocol and context.
/// </summary>
internal static class FuzzCaseGen
{
    private static readonly Gen<(byte[] Frame, FuseProtocol Protocol, string Origin)> Base = Gen.Frequency(
        (1, ByteGen.Bytes(0, 200).Select(f => (f, FuseProtocol.Latest, "random"))),
        (1, PlausibleHeader()),
        (3, RequestCaseGen.Any.Select(c => (RequestRoundTripProperties.Write(c), c.Protocol, "request " + c.Header.Opcode))),
        (3, ReplyCaseGen.Any.Select(c => (ReplyRoundTripProperties.Write(c), c.Protocol, "reply " + c.Opcode))),
        (1, NotificationGen.Any.Select(f => (f, FuseProtocol.Latest, "notification"))));

    private static readonly Gen<FrameMutation> Mutation =
        from kind in Gen.Choose(0, FrameMutation.KindCount - 1)
        from position in Gen.Choose(0, 100_000)
        from value in ByteGen.UInt32
        from extra in ByteGen.Bytes(1, 16)
        select new FrameMutation(kind, position, value, extra);

    private static readonly Gen<FuseProtocol> RandomProtocol =
        from minor in Gen.Choose(0, 50)
        from flags in ByteGen.UInt64
        from max in Gen.Frequency((3, Gen.Constant(FuseProtocol.DefaultMaxFrameLength)), (1, Gen.Choose(0, 400).Select(i => (uint)i)))
        select new FuseProtocol((uint)minor, (FuseInitFlags)flags, max);

    public static Gen<FuzzCase> Any { get; } =
        from b in Base
        from mutations in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Mutation, n))
        from ownProtocol in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from randomProtocol in RandomProtocol
        from contextOpcode in Gen.Frequency(
            (4, Gen.Elements(Codec.RequestArgumentTypes.AllOpcodes)),
            (1, ByteGen.UInt32.Select(u => (FuseOpcode)u)))
        from ownUnique in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from randomUnique in ByteGen.UInt64
        from requestedSize in Gen.Frequency((2, Gen.Constant(0u)), (2, Gen.Choose(1, 600).Select(i => (uint)i)), (1, ByteGen.UInt32))
        select Build(b.Frame, b.Origin, mutations, ownProtocol ? b.Protocol : randomProtocol, contextOpcode, ownUnique, randomUnique, requestedSize);

    private static FuzzCase Build(
        byte[] frame, string origin, FrameMutation[] mutations, FuseProtocol protocol, FuseOpcode opcode, bool ownUnique, ulong randomUnique, uint requestedSize)
    {
        foreach (FrameMutation m in mutations)
        {
            frame = m.Apply(frame);
        }

        ulong unique = ownUnique && frame.Length >= 16 ? BinaryPrimitives.ReadUInt64LittleEndian(frame.AsSpan(8)) : randomUnique;
        return new FuzzCase(frame, protocol, new FuseReplyContext(opcode, unique, requestedSize), origin + " " + string.Join("; ", (object[])mutations));
    }

    private static Gen<(byte[] Frame, FuseProtocol Protocol, string Origin)> PlausibleHeader() =>
        from frame in ByteGen.Bytes(16, 200)
        from opcode in Gen.Elements(Codec.RequestArgumentTypes.AllOpcodes)
        select (WithHeader(frame, opcode), FuseProtocol.Latest, "plausible header");

    private static byte[] WithHeader(byte[] frame, FuseOpcode opcode)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)opcode);
        return frame;
    }
}
