using System;
using System.Runtime.CompilerServices;
using FuseWire.Codec;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>Checks <c>GetArgument&lt;T&gt;()</c> of a reply frame: the written struct cut to its wire size, the rest zero.</summary>
internal sealed class TypedReplyArgumentCheck(byte[] frame, FuseReplyContext context, FuseProtocol protocol, byte[] writtenArgument, int wireSize)
    : IStructVisitor
{
    public void Visit<T>()
        where T : unmanaged
    {
        Assert.Equal(writtenArgument.Length, Unsafe.SizeOf<T>());
        FuseReply reply = FuseReply.Parse(frame, context, protocol);
        T actual = reply.GetArgument<T>();
        WireBytes.AssertSame(WireBytes.ZeroExtended<T>(writtenArgument.AsSpan(0, wireSize)), actual);
        byte[] bytes = WireBytes.Of(actual);
        Assert.All(bytes.AsSpan(wireSize).ToArray(), b => Assert.Equal(0, b));
    }
}
