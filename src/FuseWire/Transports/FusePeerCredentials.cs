using System;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace FuseWire.Transports;

/// <summary>
/// Who holds the other end of a Unix-domain socket: the kernel's <c>struct ucred</c> read with <c>getsockopt(SO_PEERCRED)</c>,
/// as the peer was when it connected (or when the pair was created). A kernel-side peer uses it as perfused uses
/// <c>LOCAL_CREDS</c>: to know which user a daemon runs as.
/// </summary>
/// <param name="ProcessId">The peer's process id.</param>
/// <param name="UserId">Its effective user id.</param>
/// <param name="GroupId">Its effective group id.</param>
public readonly record struct FusePeerCredentials(int ProcessId, uint UserId, uint GroupId)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>Reads SO_PEERCRED from a connected Unix-domain socket.</summary>
    /// <param name="socket">The socket.</param>
    /// <returns>The peer's credentials.</returns>
    /// <exception cref="NotSupportedException">The socket is not a Unix-domain socket: TCP carries no credentials.</exception>
    /// <exception cref="SocketException">getsockopt failed (the socket is not connected, for instance).</exception>
    internal static FusePeerCredentials Of(Socket socket)
    {
        if (socket.AddressFamily != AddressFamily.Unix)
        {
            throw new NotSupportedException(
                $"Peer credentials (SO_PEERCRED) exist only on Unix-domain sockets; a {socket.AddressFamily} peer has none: authenticate it another way.");
        }

        Span<int> ucred = stackalloc int[3];
        int length = socket.GetRawSocketOption(SolSocket, SoPeerCred, MemoryMarshal.AsBytes(ucred));
        if (length != 3 * sizeof(int))
        {
            throw new SocketException((int)SocketError.ProtocolOption);
        }

        return new FusePeerCredentials(ucred[0], (uint)ucred[1], (uint)ucred[2]);
    }
}
