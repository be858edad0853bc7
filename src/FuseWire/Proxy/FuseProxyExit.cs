namespace FuseWire.Proxy;

/// <summary>Why a <see cref="FuseProxy"/> ended: which side ended first.</summary>
public enum FuseProxyExit
{
    /// <summary>The kernel side ended (the file system was unmounted, or the kernel-side transport closed).</summary>
    KernelEnded = 1,

    /// <summary>The daemon side ended (the daemon exited or closed its end); its outstanding requests were answered ENOTCONN.</summary>
    DaemonEnded = 2,

    /// <summary>The proxy was disposed.</summary>
    Disposed = 3,
}
