using System;
using System.Runtime.CompilerServices;
using FuseWire.Codec;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>
/// Checks <c>GetArgument&lt;T&gt;()</c> of a request frame: it equals the written struct cut to its wire size, and every byte the wire did not carry reads as zero.
/// </summary>
internal sealed class TypedArgumentCheck(byte[] frame, FuseProtocol protocol, byte[] writtenArgument, int wireSize) : IStructVisitor
{
    public void Visit<T>()
        where T : unmanaged
    {
        Assert.Equal(writtenArgument.Length, Unsafe.SizeOf<T>());
        FuseRequest request = FuseRequest.Parse(frame, protocol);
        T actual = request.GetArgument<T>();
        T expected = WireBytes.ZeroExtended<T>(writtenArgument.AsSpan(0, wireSize));
        WireBytes.AssertSame(expected, actual);
        byte[] bytes = WireBytes.Of(actual);
        Assert.Equal(writtenArgument.AsSpan(0, wireSize).ToArray(), bytes.AsSpan(0, wireSize).ToArray());
        Assert.All(bytes.AsSpan(wireSize).ToArray(), b => Assert.Equal(0, b));
    }
}
