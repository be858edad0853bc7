namespace FuseWire.Proxy;

/// <summary>What a <see cref="FuseProxy"/> did with a frame.</summary>
public enum FuseProxyAction
{
    /// <summary>Passed on unchanged.</summary>
    Forwarded,

    /// <summary>A reply the validator rejected: the kernel was answered EIO for its unique instead, so its caller does not hang.</summary>
    ReplacedWithError,

    /// <summary>Not passed on: a bad notification, or a reply to no outstanding request (a duplicate, a reply to FORGET, or a
    /// frame too short to name a request).</summary>
    Dropped,

    /// <summary>A reply the proxy wrote itself: an error (ENOTCONN) for a request the daemon can no longer answer because it
    /// has gone. The frame is the proxy's reply.</summary>
    AnsweredByProxy,
}
