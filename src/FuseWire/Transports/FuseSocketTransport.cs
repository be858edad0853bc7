using System;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Interop;
using FuseWire.Validation;

namespace FuseWire.Transports;

/// <summary>
/// A FUSE connection over a SOCK_SEQPACKET Unix socket: one message per frame, as NetBSD's perfused carries FUSE between its
/// kernel bridge and a daemon, and as libfuse reads and writes when its mountpoint argument is <c>/dev/fd/N</c>.
/// </summary>
/// <remarks>
/// A message is at most the socket's send buffer, so both ends need buffers of several maximum frames
/// (<see cref="SetBufferSizes"/>; <see cref="CreatePair"/> does it): a larger frame fails to send with EMSGSIZE. A message
/// longer than the reader's buffer is cut short by the kernel: the frame's <c>len</c> then exceeds the bytes read, which the
/// decoders report. A closed peer is noticed by a read (0 bytes, ECONNRESET) or a write (EPIPE, ECONNRESET) and reported once
/// through <see cref="FuseTransport.Disconnected"/>. Disposal shuts the socket down, which wakes a read blocked on another
/// thread.
/// </remarks>
public sealed class FuseSocketTransport : FuseTransport
{
    /// <summary>The socket buffer size <see cref="CreatePair"/> asks for: room for four 1 MiB frames.</summary>
    public const int DefaultBufferSize = 4 << 20;

    private const int SoSndBuf = 7;
    private const int SoRcvBuf = 8;
    private const int SoSndBufForce = 32;
    private const int SoRcvBufForce = 33;

    private readonly Lock _frameReadLock = new();

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

    /// <inheritdoc/>
    internal override int PollDescriptor => (int)Socket.Handle;

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

    /// <summary>Reads the credentials of the process at the other end (SO_PEERCRED).</summary>
    /// <returns>Its process, user and group ids, as when the connection was made.</returns>
    /// <exception cref="SocketException">getsockopt failed.</exception>
    public FusePeerCredentials GetPeerCredentials() => FusePeerCredentials.Of(Socket);

    /// <inheritdoc/>
    /// <remarks>A message longer than <paramref name="buffer"/> is cut to its length (the rest is dropped, and the next read returns
    /// the next message): the frame's <c>len</c> then exceeds <paramref name="bytesRead"/>, which the decoders report as
    /// <see cref="Validation.FuseProtocolRule.LengthMismatch"/>, and the request can still be answered by its unique.</remarks>
    public override FuseReadStatus Read(Span<byte> buffer, out int bytesRead)
    {
        // MSG_TRUNC makes recv return the message's whole length even when it was cut to the buffer.
        int count = Receive(buffer, SocketFlags.Truncated);
        if (count <= 0)
        {
            bytesRead = 0;
            return FuseReadStatus.Unmounted;
        }

        bytesRead = Math.Min(count, buffer.Length);
        return FuseReadStatus.Frame;
    }

    /// <summary>Peeks at the next message's length (MSG_PEEK | MSG_TRUNC), checks it against the buffer's maximum before reserving,
    /// then receives the message into exactly that many bytes.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <returns>As <see cref="Read"/>.</returns>
    internal override FuseReadStatus ReadFrameCore(FuseFrameBuffer buffer)
    {
        Span<byte> probe = stackalloc byte[FuseOutHeader.StructSize];
        lock (_frameReadLock)
        {
            buffer.Recycle();
            int length = Receive(probe, SocketFlags.Peek | SocketFlags.Truncated);
            if (length <= 0)
            {
                return FuseReadStatus.Unmounted;
            }

            if (length > buffer.MaxLength)
            {
                // Drop the message: its boundaries are kept, so the connection stays usable.
                int dropped = Receive(probe, SocketFlags.Truncated);
                ulong unique = dropped >= FuseOutHeader.StructSize ? MemoryMarshal.Read<FuseOutHeader>(probe).Unique : 0;
                throw new FuseProtocolException(new FuseProtocolError(FuseProtocolRule.LengthAboveMaximum, 0, unique, 0, length, buffer.MaxLength));
            }

            Span<byte> frame = buffer.BeginFrame(length);
            int count = Receive(frame, SocketFlags.Truncated);
            if (count <= 0)
            {
                return FuseReadStatus.Unmounted;
            }

            // Longer than peeked only if another thread's Read took the peeked message meanwhile: the frame is then cut, as in Read.
            buffer.EndFrame(Math.Min(count, length));
            return FuseReadStatus.Frame;
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
                case SocketError ended when SocketErrors.MeanConnectionEnded(ended):
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

    /// <summary>recv(2) with retries; returns the count (the whole message's length with MSG_TRUNC), or 0 once the connection has
    /// ended, which it reports.</summary>
    private int Receive(Span<byte> buffer, SocketFlags flags)
    {
        while (true)
        {
            int count;
            SocketError error;
            try
            {
                count = Socket.Receive(buffer, flags, out error);
            }
            catch (ObjectDisposedException)
            {
                _ = ReportDisconnected();
                return 0;
            }

            switch (error)
            {
                case SocketError.Success when count > 0:
                    return count;
                case SocketError.MessageSize:
                    return buffer.Length;
                case SocketError.Success:
                    // A zero-length message never carries a frame: SOCK_SEQPACKET reads 0 once the peer has closed.
                    _ = ReportDisconnected();
                    return 0;
                case SocketError.Interrupted:
                case SocketError.WouldBlock:
                    continue;
                case SocketError ended when SocketErrors.MeanConnectionEnded(ended):
                    _ = ReportDisconnected();
                    return 0;
                default:
                    throw new IOException($"recv(SOCK_SEQPACKET) failed: {error}.", (int)error);
            }
        }
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
