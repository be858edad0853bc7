using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>
/// Every request opcode, written with <see cref="FuseRequestWriter"/> at 7.45 and at the old minors whose sizes differ, parsed back with
/// <see cref="FuseRequest.Parse"/>, compared part by part, then re-encoded from the parsed parts byte for byte.
/// </summary>
public sealed class RequestRoundTripTests
{
    /// <summary>7.45, the boundaries of extensions (38/37), INIT's argument (36/35), INIT's reply (23/22), MKNOD/CREATE (12/11), the 7.9 sizes (9/8) and statfs (4/3).</summary>
    public static readonly uint[] Minors = [45, 38, 37, 36, 35, 23, 22, 12, 11, 9, 8, 4, 3];

    public static TheoryData<FuseOpcode, uint, bool> Cases()
    {
        TheoryData<FuseOpcode, uint, bool> data = [];
        foreach (FuseOpcode opcode in RequestArgumentTypes.AllOpcodes)
        {
            foreach (uint minor in Minors)
            {
                data.Add(opcode, minor, true);
                if (opcode == FuseOpcode.Setxattr)
                {
                    data.Add(opcode, minor, false);
                }
            }
        }

        return data;
    }

    internal static FuseProtocol ProtocolFor(uint minor, bool setxattrExt) =>
        new(minor, setxattrExt ? FuseInitFlags.InitExt | FuseInitFlags.SetxattrExt : FuseInitFlags.InitExt);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Request_WritesParsesAndReencodes(FuseOpcode opcode, uint minor, bool setxattrExt)
    {
        FuseProtocol protocol = ProtocolFor(minor, setxattrExt);
        RequestSample sample = RequestSample.Create(opcode, protocol);
        byte[] frame = sample.Write();
        Assert.Equal(sample.ExpectedLength, frame.Length);

        FuseRequest request = FuseRequest.Parse(frame, protocol);
        FuseInHeader h = request.Header;
        Assert.Equal((uint)frame.Length, h.Len);
        Assert.Equal(opcode, h.Opcode);
        Assert.Equal(opcode, request.Opcode);
        Assert.Equal(sample.Header.Unique, request.Unique);
        Assert.Equal(sample.Header.NodeId, request.NodeId);
        Assert.Equal(sample.Header.Uid, h.Uid);
        Assert.Equal(sample.Header.Gid, h.Gid);
        Assert.Equal(sample.Header.Pid, h.Pid);
        Assert.Equal(sample.Extensions.Length / 8, h.TotalExtLen);
        Assert.Equal(0, h.Padding);

        int wire = sample.ArgumentWireSize;
        Assert.Equal(sample.Argument.AsSpan(0, wire).ToArray(), request.Argument.ToArray());
        Assert.Equal(sample.Name, request.Name.ToArray());
        Assert.Equal(sample.Name2, request.Name2.ToArray());
        Assert.Equal(sample.Data, request.Data.ToArray());
        Assert.Equal(sample.Extensions, request.Extensions.ToArray());

        bool hasArgument = RequestArgumentTypes.Dispatch(opcode, new TypedArgumentCheck(frame, protocol, sample.Argument, wire));
        Assert.Equal(hasArgument, sample.Argument.Length != 0);

        Assert.Equal(
            opcode == FuseOpcode.BatchForget ? MemoryMarshal.Cast<byte, FuseForgetOne>(sample.Data).ToArray() : [],
            request.Forgets.ToArray());
        Assert.Equal(
            opcode == FuseOpcode.Removemapping ? MemoryMarshal.Cast<byte, FuseRemovemappingOne>(sample.Data).ToArray() : [],
            request.RemoveMappings.ToArray());

        if (sample.HasExtensions)
        {
            ExtensionChecks.AssertGroupsAndSecurityContext(request, sample);
        }
        else
        {
            Assert.False(request.EnumerateExtensions().MoveNext());
        }

        Assert.Equal(FuseReplyContext.For(request).Opcode, opcode);
        RequestRoundTrip.AssertByteExact(frame, protocol);
    }

    [Fact]
    public void EveryOpcode_IsCovered()
    {
        Assert.Equal(52, RequestArgumentTypes.AllOpcodes.Length);
        foreach (FuseOpcode opcode in RequestArgumentTypes.AllOpcodes)
        {
            Assert.True(FuseRequestLayout.TryGetShape(opcode, FuseProtocol.Latest, out FuseRequestShape shape), FuseNames.OpcodeName(opcode));
            int expected = opcode == FuseOpcode.Init ? 16 : RequestArgumentTypes.FullSize(opcode);
            Assert.Equal(expected, shape.ArgSize);
        }
    }
}
