using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Transports;

/// <summary>
/// A FUSE connection over a stream socket (a Unix SOCK_STREAM socket or TCP): frames follow each other in the byte stream and
/// are found by their header's <c>len</c>, the first four bytes of both <c>fuse_in_header</c> and <c>fuse_out_header</c>.
/// </summary>
/// <remarks>
/// <para>Reading: the four bytes of <c>len</c> are checked (at least the 16 bytes of an out-header, at most
/// <see cref="MaxFrameLength"/>) before the body is read or anything reserved for it; then exactly <c>len</c> bytes are read,
/// however the stream splits them. Bytes arrive through a 64 KiB receive buffer, so one recv(2) usually brings several small
/// frames, and a large frame's body goes straight into the caller's buffer; nothing is allocated per frame. A frame longer than
/// the caller's buffer is cut to it and the rest skipped, as SOCK_SEQPACKET cuts a message: its <c>len</c> exceeds the bytes
/// read, which the decoders report.</para>
/// <para>A <c>len</c> out of bounds is unrecoverable on a stream (where the next frame starts is lost): <see cref="Read"/> throws
/// <see cref="FuseProtocolException"/> once, naming the frame's offset in the stream, shuts the socket down and reports the
/// connection ended; later reads return <see cref="FuseReadStatus.Unmounted"/> and writes <see cref="Errno.ENODEV"/>.</para>
/// <para>Writing: the whole frame is sent, however many send(2) calls it takes. Reads are serialised with each other and writes
/// with each other, so several threads may read and write at once without interleaving frames.</para>
/// <para>A closed peer is noticed by a read (0 bytes, ECONNRESET) or a write (EPIPE, ECONNRESET) and reported once through
/// <see cref="FuseTransport.Disconnected"/>. Disposal shuts the socket down, which wakes a read blocked on another thread.</para>
/// </remarks>
public sealed class FuseStreamTransport : FuseTransport
{
    /// <summary>The smallest <c>len</c> a frame may state: a <c>fuse_out_header</c> (16 bytes; a request's header is 40).</summary>
    public const int MinFrameLength = FuseOutHeader.StructSize;

    private const int ReceiveBufferSize = 64 * 1024;
    private const int DirectReceiveThreshold = ReceiveBufferSize / 2;
    private const int UniqueOffset = 8;

    private readonly Lock _readLock = new();
    private readonly Lock _writeLock = new();
    private readonly byte[] _receive = GC.AllocateUninitializedArray<byte>(ReceiveBufferSize);
    private int _start;
    private int _end;
    private long _frameOffset;
    private volatile bool _broken;

    /// <summary>Takes ownership of a connected stream socket (blocking; Nagle off for TCP, since frames are small and answered).</summary>
    /// <param name="socket">The socket.</param>
    /// <param name="maxFrameLength">The largest frame either side may send; by default a 1 MiB write plus a page.</param>
    /// <exception cref="ArgumentException">The socket is not SOCK_STREAM.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrameLength"/> is below a request header (40 bytes).</exception>
    public FuseStreamTransport(Socket socket, int maxFrameLength = (int)FuseProtocol.DefaultMaxFrameLength)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.SocketType != SocketType.Stream)
        {
            throw new ArgumentException($"A SOCK_STREAM socket is needed, not {socket.SocketType}.", nameof(socket));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameLength, FuseInHeader.StructSize);
        Socket = socket;
        MaxFrameLength = maxFrameLength;
        socket.Blocking = true;
        if (socket.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
        {
            socket.NoDelay = true;
        }
    }

    /// <summary>The socket.</summary>
    public Socket Socket { get; }

    /// <summary>The largest <c>len</c> accepted from the peer or sent to it.</summary>
    public int MaxFrameLength { get; }

    /// <summary>Creates a connected pair of Unix SOCK_STREAM sockets (close-on-exec, buffers of
    /// <see cref="FuseSocketTransport.DefaultBufferSize"/>) and wraps both ends.</summary>
    /// <param name="maxFrameLength">The largest frame, for both ends.</param>
    /// <returns>The two ends.</returns>
    /// <exception cref="IOException">socketpair(2) failed.</exception>
    public static (FuseStreamTransport First, FuseStreamTransport Second) CreatePair(int maxFrameLength = (int)FuseProtocol.DefaultMaxFrameLength)
    {
        (Socket first, Socket second) = FuseSocketTransport.CreateSocketPair(SocketType.Stream);
        return (Wrap(first, maxFrameLength), Wrap(second, maxFrameLength));
    }

    /// <summary>Connects a stream socket to <paramref name="endPoint"/>: an <see cref="IPEndPoint"/> (TCP) or a
    /// <see cref="UnixDomainSocketEndPoint"/>.</summary>
    /// <param name="endPoint">Where the peer listens.</param>
    /// <param name="maxFrameLength">The largest frame.</param>
    /// <returns>The connected transport.</returns>
    /// <exception cref="SocketException">connect(2) failed.</exception>
    public static FuseStreamTransport Connect(EndPoint endPoint, int maxFrameLength = (int)FuseProtocol.DefaultMaxFrameLength)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        ProtocolType protocol = endPoint.AddressFamily == AddressFamily.Unix ? ProtocolType.Unspecified : ProtocolType.Tcp;
        Socket socket = new(endPoint.AddressFamily, SocketType.Stream, protocol);
        try
        {
            socket.Connect(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return Wrap(socket, maxFrameLength);
    }

    /// <summary>Accepts one connection on a listening stream socket.</summary>
    /// <param name="listener">A bound, listening socket (TCP or Unix); it stays open.</param>
    /// <param name="maxFrameLength">The largest frame.</param>
    /// <returns>The accepted connection.</returns>
    /// <exception cref="SocketException">accept(2) failed.</exception>
    public static FuseStreamTransport Accept(Socket listener, int maxFrameLength = (int)FuseProtocol.DefaultMaxFrameLength)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return Wrap(listener.Accept(), maxFrameLength);
    }

    /// <summary>Reads the credentials of the process at the other end (SO_PEERCRED), on a Unix-domain socket only.</summary>
    /// <returns>Its process, user and group ids, as when the connection was made.</returns>
    /// <exception cref="NotSupportedException">The socket is TCP: a TCP peer has no credentials to read.</exception>
    /// <exception cref="SocketException">getsockopt failed.</exception>
    public FusePeerCredentials GetPeerCredentials() => FusePeerCredentials.Of(Socket);

    /// <inheritdoc/>
    /// <exception cref="FuseProtocolException">The frame's <c>len</c> is below <see cref="MinFrameLength"/>
    /// (<see cref="FuseProtocolRule.LengthBelowHeader"/>) or above <see cref="MaxFrameLength"/>
    /// (<see cref="FuseProtocolRule.LengthAboveMaximum"/>); the connection has then ended.</exception>
    /// <exception cref="IOException">recv(2) failed otherwise.</exception>
    public override FuseReadStatus Read(Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        lock (_readLock)
        {
            if (!TryReadLength(out int length))
            {
                return FuseReadStatus.Unmounted;
            }

            int kept = Math.Min(length, buffer.Length);
            if (!TryReadBody(buffer[..kept], length))
            {
                return FuseReadStatus.Unmounted;
            }

            bytesRead = kept;
            return FuseReadStatus.Frame;
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The frame is shorter than <see cref="MinFrameLength"/>, longer than
    /// <see cref="MaxFrameLength"/>, or its <c>len</c> differs from its length: on a stream that would lose the peer's framing.</exception>
    /// <exception cref="IOException">send(2) failed otherwise.</exception>
    public override int Write(ReadOnlySpan<byte> frame)
    {
        CheckOutgoing(frame);
        lock (_writeLock)
        {
            while (!frame.IsEmpty)
            {
                if (_broken)
                {
                    return Errno.ENODEV;
                }

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
                    case SocketError.Success:
                        frame = frame[count..];
                        break;
                    case SocketError.Interrupted:
                    case SocketError.WouldBlock:
                        break;
                    case SocketError ended when SocketErrors.MeanConnectionEnded(ended):
                        // EPIPE shows as Shutdown. A frame cut midway leaves the stream unusable anyway.
                        _ = ReportDisconnected();
                        return Errno.ENODEV;
                    default:
                        throw new IOException($"send(SOCK_STREAM) failed: {error}.", (int)error);
                }
            }

            return 0;
        }
    }

    /// <summary>Reads the length, checks it against the buffer's maximum too, and receives the frame into exactly that many bytes.
    /// A frame within <see cref="MaxFrameLength"/> but above the buffer's maximum is skipped, and reported; the stream stays usable.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <returns>As <see cref="Read"/>.</returns>
    internal override FuseReadStatus ReadFrameCore(FuseFrameBuffer buffer)
    {
        lock (_readLock)
        {
            buffer.Recycle();
            if (!TryReadLength(out int length))
            {
                return FuseReadStatus.Unmounted;
            }

            if (length > buffer.MaxLength)
            {
                long offset = _frameOffset;
                ulong unique = PeekUnique();
                if (!TryReadBody([], length))
                {
                    return FuseReadStatus.Unmounted;
                }

                throw new FuseProtocolException(
                    new FuseProtocolError(FuseProtocolRule.LengthAboveMaximum, 0, unique, 0, length, buffer.MaxLength),
                    string.Create(CultureInfo.InvariantCulture, $"FUSE protocol error: LengthAboveMaximum: the frame at byte {offset} of the stream (unique={unique}) states len {length}, above the buffer's maximum of {buffer.MaxLength}; it was skipped."));
            }

            if (!TryReadBody(buffer.BeginFrame(length), length))
            {
                buffer.EndFrame(0);
                return FuseReadStatus.Unmounted;
            }

            buffer.EndFrame(length);
            return FuseReadStatus.Frame;
        }
    }

    /// <summary>Shuts the socket down (waking a blocked read, and showing the peer the end) and closes it.</summary>
    /// <param name="disposing">Whether called from <see cref="FuseTransport.Dispose()"/>.</param>
    protected override void Dispose(bool disposing)
    {
        _broken = true;
        Shutdown();
        Socket.Dispose();
    }

    private static FuseStreamTransport Wrap(Socket socket, int maxFrameLength)
    {
        try
        {
            return new FuseStreamTransport(socket, maxFrameLength);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void CheckOutgoing(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < MinFrameLength || frame.Length > MaxFrameLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"A {frame.Length}-byte frame is outside {MinFrameLength}..{MaxFrameLength} bytes."), nameof(frame));
        }

        uint len = MemoryMarshal.Read<uint>(frame);
        if (len != (uint)frame.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The frame's len is {len} but it is {frame.Length} bytes long: the peer would lose the stream's framing."), nameof(frame));
        }
    }

    /// <summary>Reads and checks the next frame's <c>len</c>, leaving it in the receive buffer.</summary>
    private bool TryReadLength(out int length)
    {
        length = 0;
        if (_broken || !Fill(sizeof(uint)))
        {
            return false;
        }

        uint len = MemoryMarshal.Read<uint>(_receive.AsSpan(_start));
        if (len < MinFrameLength)
        {
            Break(FuseProtocolRule.LengthBelowHeader, len, MinFrameLength);
        }

        if (len > (uint)MaxFrameLength)
        {
            Break(FuseProtocolRule.LengthAboveMaximum, len, MaxFrameLength);
        }

        length = (int)len;
        return true;
    }

    /// <summary>Consumes the <paramref name="length"/> bytes of the frame whose <c>len</c> is at the start of the receive buffer,
    /// copying the first <c>destination.Length</c> of them into <paramref name="destination"/>.</summary>
    /// <returns>False when the stream ended first.</returns>
    private bool TryReadBody(Span<byte> destination, int length)
    {
        int consumed = 0;
        while (consumed < length)
        {
            if (_start == _end)
            {
                int wanted = destination.Length - consumed;
                if (wanted >= DirectReceiveThreshold)
                {
                    // A large body goes straight where it belongs: one copy fewer.
                    int received = Receive(destination.Slice(consumed, wanted));
                    if (received == 0)
                    {
                        return false;
                    }

                    consumed += received;
                    continue;
                }

                _start = 0;
                _end = Receive(_receive);
                if (_end == 0)
                {
                    return false;
                }
            }

            int take = Math.Min(_end - _start, length - consumed);
            if (consumed < destination.Length)
            {
                _receive.AsSpan(_start, Math.Min(take, destination.Length - consumed)).CopyTo(destination[consumed..]);
            }

            _start += take;
            consumed += take;
        }

        _frameOffset += length;
        return true;
    }

    /// <summary>Makes at least <paramref name="count"/> unread bytes sit in the receive buffer.</summary>
    /// <returns>False when the stream ended first.</returns>
    private bool Fill(int count)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }

        while (_end - _start < count)
        {
            if (_receive.Length - _start < count)
            {
                _receive.AsSpan(_start, _end - _start).CopyTo(_receive);
                _end -= _start;
                _start = 0;
            }

            int received = Receive(_receive.AsSpan(_end));
            if (received == 0)
            {
                return false;
            }

            _end += received;
        }

        return true;
    }

    /// <summary>recv(2) with retries; returns the count, or 0 once the stream has ended, which it reports.</summary>
    private int Receive(Span<byte> buffer)
    {
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
                return 0;
            }

            switch (error)
            {
                case SocketError.Success:
                    if (count == 0)
                    {
                        _ = ReportDisconnected();
                    }

                    return count;
                case SocketError.Interrupted:
                case SocketError.WouldBlock:
                    continue;
                case SocketError ended when SocketErrors.MeanConnectionEnded(ended):
                    _ = ReportDisconnected();
                    return 0;
                default:
                    throw new IOException($"recv(SOCK_STREAM) failed: {error}.", (int)error);
            }
        }
    }

    /// <summary>The unique of the frame at the start of the receive buffer if its first 16 bytes are there (both headers keep it at
    /// offset 8), else 0.</summary>
    private ulong PeekUnique() =>
        _end - _start >= MinFrameLength ? MemoryMarshal.Read<ulong>(_receive.AsSpan(_start + UniqueOffset)) : 0;

    /// <summary>Ends the connection after a <c>len</c> that loses the framing, and throws.</summary>
    [DoesNotReturn]
    private void Break(FuseProtocolRule rule, uint actual, int expected)
    {
        long offset = _frameOffset;
        ulong unique = PeekUnique();
        _broken = true;
        Shutdown();
        _ = ReportDisconnected();
        string limit = rule == FuseProtocolRule.LengthBelowHeader ? "below the header's" : "above the maximum of";
        throw new FuseProtocolException(
            new FuseProtocolError(rule, 0, unique, 0, actual, expected),
            string.Create(CultureInfo.InvariantCulture, $"FUSE protocol error: {rule}: the frame at byte {offset} of the stream (unique={unique}) states len {actual}, {limit} {expected}; the frames after it cannot be found, so the connection is ended."));
    }

    private void Shutdown()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already shut down, reset by the peer, or closed: nothing left to wake.
        }
    }
}
