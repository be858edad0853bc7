namespace FuseWire.Proxy;

/// <summary>Observes a frame crossing a <see cref="FuseProxy"/>, before it is passed on. Called on the proxy's two pump threads,
/// concurrently for the two directions: it must be thread-safe, and quick (the frame waits for it).</summary>
/// <param name="frame">The frame and what the proxy made of it; its bytes are valid only during the call.</param>
public delegate void FuseProxyObserver(in FuseProxyFrame frame);
