using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Properties;

/// <summary>A generated valid reply: an error (<see cref="Errno"/> 1..511) or a success with its parts.</summary>
public sealed record ReplyCase(
    FuseProtocol Protocol, FuseOpcode Opcode, ulong Unique, uint RequestedSize, int Errno, byte[] Argument, byte[] Argument2, byte[] Data)
{
    public FuseReplyContext Context => new(Opcode, Unique, RequestedSize);

    public override string ToString() =>
        $"{Opcode} at 7.{Protocol.Minor} unique={Unique} size={RequestedSize} errno={Errno} arg={Convert.ToHexString(Argument)} " +
        $"arg2={Convert.ToHexString(Argument2)} data={Convert.ToHexString(Data)}";
}
