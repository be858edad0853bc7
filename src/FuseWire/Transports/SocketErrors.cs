using System.Net.Sockets;

namespace FuseWire.Transports;

/// <summary>How the socket transports read a <see cref="SocketError"/>.</summary>
internal static class SocketErrors
{
    /// <summary>Whether the error means the connection is over: the peer closed or reset it, or this end was shut down or
    /// disposed under the call.</summary>
    /// <param name="error">The error of a send or receive.</param>
    /// <returns>Whether to report the end of the connection.</returns>
    internal static bool MeanConnectionEnded(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected
            or SocketError.OperationAborted or SocketError.NotSocket;
}
