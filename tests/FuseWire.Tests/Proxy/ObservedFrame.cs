using System;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Proxy;
using FuseWire.Validation;

namespace FuseWire.Tests.Proxy;

/// <summary>A copy of what the proxy's observer was shown, kept after the call.</summary>
internal sealed class ObservedFrame
{
    public ObservedFrame(in FuseProxyFrame frame)
    {
        Bytes = frame.Frame.ToArray();
        Direction = frame.Direction;
        Action = frame.Action;
        Context = frame.Context;
        Validation = frame.Validation;
        Protocol = frame.Protocol;
        Latency = frame.Latency;
    }

    public byte[] Bytes { get; }

    public FuseProxyDirection Direction { get; }

    public FuseProxyAction Action { get; }

    public FuseReplyContext Context { get; }

    public FuseValidationResult Validation { get; }

    public FuseProtocol Protocol { get; }

    public TimeSpan Latency { get; }
}
