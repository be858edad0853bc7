using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using FuseWire.Interop;

namespace FuseWire.Transports;

/// <summary>
/// A FUSE connection over a SOCK_SEQPACKET Unix socket: one message per frame, as NetBSD's perfused carries FUSE between its
/// kernel bridge and a daemon, and as libfuse reads and writes when its mountpoint argument is <c>/dev/fd/N</c>.
/// </summary>
/// <remarks>
/// A message is at most the socket's send buffer, so both ends need buffers of several maximum frames
/// (<see cref="SetBufferSizes"/>; <see cref="CreatePair"/> does it). A message longer than the reader's buffer is cut short
/// by the kernel: the frame's <c>len</c> then exceeds the bytes read, which the decoders report. Disposal shuts the socket
/// down, which wakes a read blocked on another thread.
/// </remarks>
public sealed class FuseSocketTransport : FuseTransport
{
    /// <summary>The socket buffer size <see cref="CreatePair"/> asks for: room for four 1 MiB frames.</summary>
    public const int DefaultBufferSize = 4 << 20;

    private const int SoSndBuf = 7;
    private const int SoRcvBuf = 8;
    private const int SoSndBufForce = 32;
    private const int SoRcvBufForce = 33;

    /// <summary>Takes ownership of a connected SOCK_SEQPACKET socket.</summary>
    /// <param name="socket">The socket.</param>
    /// <exception cref="ArgumentException">The socket is not SOCK_SEQPACKET.</exception>
    public FuseSocketTransport(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.SocketType != SocketType.Seqpacket)
        {
            throw new ArgumentException($"A SOCK_SEQPACKET socket is needed, not {socket.SocketType}.", nameof(socket));
        }

        Socket = socket;
    }

    /// <summary>The socket.</summary>
    public Socket Socket { get; }

    /// <summary>Creates a connected pair of SOCK_SEQPACKET Unix sockets (close-on-exec), each with send and receive buffers of
    /// <paramref name="bufferSize"/> bytes.</summary>
    /// <param name="bufferSize">The socket buffer size; at least a few maximum frames.</param>
    /// <returns>The two ends.</returns>
    public static (FuseSocketTransport First, FuseSocketTransport Second) CreatePair(int bufferSize = DefaultBufferSize)
    {
        (Socket first, Socket second) = CreateSocketPair(SocketType.Seqpacket, bufferSize);
        return (new FuseSocketTransport(first), new FuseSocketTransport(second));
    }

    /// <summary>Creates a connected pair of Unix sockets (close-on-exec) of the given type, with both buffers sized.</summary>
    /// <param name="type"><see cref="SocketType.Seqpacket"/> or <see cref="SocketType.Stream"/>.</param>
    /// <param name="bufferSize">The send and receive buffer size of each end.</param>
    /// <returns>The two sockets.</returns>
    /// <exception cref="IOException">socketpair(2) failed.</exception>
    public static unsafe (Socket First, Socket Second) CreateSocketPair(SocketType type, int bufferSize = DefaultBufferSize)
    {
        int kind = type switch
        {
            SocketType.Seqpacket => LibC.SockSeqPacket,
            SocketType.Stream => LibC.SockStream,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Seqpacket or Stream."),
        };
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 4096);
        int* fds = stackalloc int[2];
        if (LibC.SocketPair(LibC.AfUnix, kind | LibC.SockCloExec, 0, fds) != 0)
        {
            throw Errors.IO("socketpair(AF_UNIX)", Marshal.GetLastPInvokeError());
        }

        Socket first = new(new SafeSocketHandle(fds[0], ownsHandle: true));
        Socket second = new(new SafeSocketHandle(fds[1], ownsHandle: true));
        SetBufferSizes(first, bufferSize);
        SetBufferSizes(second, bufferSize);
        return (first, second);
    }

    /// <summary>Sets a socket's send and receive buffers: with SO_SNDBUFFORCE/SO_RCVBUFFORCE where the process may (root), so
    /// that the system's rmem_max/wmem_max do not cap them; with SO_SNDBUF/SO_RCVBUF otherwise.</summary>
    /// <param name="socket">The socket.</param>
    /// <param name="bufferSize">The size in bytes (the kernel doubles it for its bookkeeping).</param>
    public static void SetBufferSizes(Socket socket, int bufferSize)
    {
        ArgumentNullException.ThrowIfNull(socket);
        SetOption(socket, SoSndBufForce, SoSndBuf, bufferSize);
        SetOption(socket, SoRcvBufForce, SoRcvBuf, bufferSize);
    }

    /// <inheritdoc/>
    public override FuseReadStatus Read(Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        while (true)
        {
            int count;
            SocketError error;
            try
            {
                count = Socket.Receive(buffer, SocketFlags.None, out error);
            }
            catch (ObjectDisposedException)
            {
                _ = ReportDisconnected();
                return FuseReadStatus.Unmounted;
            }

            switch (error)
            {
                case SocketError.Success when count > 0:
                case SocketError.MessageSize:
                    // MessageSize: the message was longer than the buffer and was cut; its header's len says so.
                    bytesRead = count;
                    return FuseReadStatus.Frame;
                case SocketError.Success:
                    // A zero-length message never carries a frame: SOCK_SEQPACKET reads 0 once the peer has closed.
                    _ = ReportDisconnected();
                    return FuseReadStatus.Unmounted;
                case SocketError.Interrupted:
                case SocketError.WouldBlock:
                    continue;
                case SocketError.ConnectionReset:
                case SocketError.ConnectionAborted:
                case SocketError.Shutdown:
                case SocketError.NotConnected:
                case SocketError.OperationAborted:
                case SocketError.NotSocket:
                    _ = ReportDisconnected();
                    return FuseReadStatus.Unmounted;
                default:
                    throw new IOException($"recv(SOCK_SEQPACKET) failed: {error}.", (int)error);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="IOException">The frame is larger than the socket's send buffer allows (EMSGSIZE), or another error.</exception>
    public override int Write(ReadOnlySpan<byte> frame)
    {
        while (true)
        {
            int count;
            SocketError error;
            try
            {
                count = Socket.Send(frame, SocketFlags.None, out error);
            }
            catch (ObjectDisposedException)
            {
                _ = ReportDisconnected();
                return Errno.ENODEV;
            }

            switch (error)
            {
                case SocketError.Success when count == frame.Length:
                    return 0;
                case SocketError.Success:
                    throw new IOException($"send(SOCK_SEQPACKET) sent {count} of {frame.Length} bytes.");
                case SocketError.Interrupted:
                case SocketError.WouldBlock:
                    continue;
                case SocketError.MessageSize:
                    throw new IOException($"send(SOCK_SEQPACKET) of a {frame.Length}-byte frame failed: EMSGSIZE; the socket buffers are too small for it (see {nameof(SetBufferSizes)}).");
                case SocketError.ConnectionReset:
                case SocketError.ConnectionAborted:
                case SocketError.Shutdown:
                case SocketError.NotConnected:
                case SocketError.OperationAborted:
                case SocketError.NotSocket:
                    _ = ReportDisconnected();
                    return Errno.ENODEV;
                default:
                    throw new IOException($"send(SOCK_SEQPACKET) failed: {error}.", (int)error);
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already shut down, or the peer reset it: nothing left to wake.
        }

        Socket.Dispose();
    }

    private static void SetOption(Socket socket, int forced, int plain, int value)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value));
        try
        {
            socket.SetRawSocketOption(LibC.SolSocket, forced, bytes);
        }
        catch (SocketException)
        {
            socket.SetRawSocketOption(LibC.SolSocket, plain, bytes);
        }
    }
}
