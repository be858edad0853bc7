using FuseWire.Validation;

namespace FuseWire.Proxy;

/// <summary>How a <see cref="FuseProxy"/> forwards and checks frames.</summary>
public sealed record FuseProxyOptions
{
    /// <summary>Called for every frame, before it is passed on (see <see cref="FuseProxyObserver"/>); null for none.</summary>
    public FuseProxyObserver? Observer { get; init; }

    /// <summary>How replies longer than expected are treated: <see cref="FuseReplyStrictness.Lenient"/> (the default, as the
    /// kernel does) passes them on with a warning; <see cref="FuseReplyStrictness.Strict"/> rejects them.</summary>
    public FuseReplyStrictness Strictness { get; init; } = FuseReplyStrictness.Lenient;

    /// <summary>The size of each direction's frame buffer before INIT: the default 1 MiB + 4 KiB holds the kernel's largest
    /// WRITE at the default <c>max_pages</c> limit. After INIT each buffer grows, once, to the negotiated <c>max_write</c>
    /// (and <c>max_pages</c>) plus a page when that is larger.</summary>
    public int InitialBufferSize { get; init; } = (int)Protocol.FuseProtocol.DefaultMaxFrameLength;

    /// <summary>
    /// How long, after the last frame either way, each pump keeps polling its side without sleeping before it blocks in a read
    /// (0, the default: it blocks at once). While traffic flows, the proxy's threads then catch the next frame without being
    /// woken, which is most of what a proxy adds to a request's latency; the price is up to this long of busy CPU on each
    /// pump after each burst. Used only where both transports expose a descriptor (/dev/fuse, SOCK_SEQPACKET).
    /// </summary>
    public System.TimeSpan SpinBeforeBlocking { get; init; }
}
