using System;
using FuseWire.Abi;
using FuseWire.Protocol;

namespace FuseWire.Tests.Properties;

/// <summary>A generated valid request: the protocol and every part the writer takes.</summary>
public sealed record RequestCase(
    FuseProtocol Protocol, FuseInHeader Header, byte[] Argument, byte[] Name, byte[] Name2, byte[] Data, byte[] Extensions)
{
    public override string ToString() =>
        $"{Header.Opcode} at 7.{Protocol.Minor} flags={Protocol.Flags} arg={Convert.ToHexString(Argument)} name={Convert.ToHexString(Name)} " +
        $"name2={Convert.ToHexString(Name2)} data={Convert.ToHexString(Data)} ext={Convert.ToHexString(Extensions)} " +
        $"unique={Header.Unique} nodeid={Header.NodeId} uid={Header.Uid} gid={Header.Gid} pid={Header.Pid} padding={Header.Padding}";
}
