using System;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Proxy;

/// <summary>A frame crossing a <see cref="FuseProxy"/>, with what the proxy found: a view valid only during the observer's call.</summary>
public readonly ref struct FuseProxyFrame
{
    /// <summary>Creates a frame view.</summary>
    /// <param name="frame">The frame's bytes.</param>
    /// <param name="direction">Which way it went.</param>
    /// <param name="action">What the proxy did with it.</param>
    /// <param name="context">The request (for a reply: the request it answers; zero when none matched).</param>
    /// <param name="validation">The validation result.</param>
    /// <param name="protocol">The protocol in force when it crossed.</param>
    /// <param name="latency">For a reply that matched a request: the time since that request was passed to the daemon.</param>
    public FuseProxyFrame(
        ReadOnlySpan<byte> frame, FuseProxyDirection direction, FuseProxyAction action, in FuseReplyContext context,
        in FuseValidationResult validation, in FuseProtocol protocol, TimeSpan latency)
    {
        Frame = frame;
        Direction = direction;
        Action = action;
        Context = context;
        Validation = validation;
        Protocol = protocol;
        Latency = latency;
    }

    /// <summary>The frame's bytes (a request, a reply or a notification).</summary>
    public ReadOnlySpan<byte> Frame { get; }

    /// <summary>Which way the frame went.</summary>
    public FuseProxyDirection Direction { get; }

    /// <summary>What the proxy did with it.</summary>
    public FuseProxyAction Action { get; }

    /// <summary>For a request, its opcode, unique and requested size; for a reply, those of the request it answers (opcode 0 and
    /// unique 0 when it matched none); for a notification, zero.</summary>
    public FuseReplyContext Context { get; }

    /// <summary>What the decoder or validator found: for a request, whether it decodes; for a reply, the reply validator's verdict.</summary>
    public FuseValidationResult Validation { get; }

    /// <summary>The protocol in force when the frame crossed (<see cref="FuseProtocol.Initial"/> until INIT is answered).</summary>
    public FuseProtocol Protocol { get; }

    /// <summary>For a reply that matched a request: the time between passing the request to the daemon and reading this reply; else zero.</summary>
    public TimeSpan Latency { get; }
}
