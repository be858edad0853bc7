namespace FuseWire.Proxy;

/// <summary>Which way a frame crossed a <see cref="FuseProxy"/>.</summary>
public enum FuseProxyDirection
{
    /// <summary>A request, from the kernel to the daemon.</summary>
    Request = 1,

    /// <summary>A reply or a notification, from the daemon to the kernel (or a reply the proxy wrote itself).</summary>
    Reply = 2,
}
