using System;
using System.Threading;
using FuseWire.Buffers;

namespace FuseWire.Transports;

/// <summary>
/// One end of a FUSE connection that carries whole frames: a /dev/fuse descriptor (<see cref="FuseDevice"/>), a
/// SOCK_SEQPACKET socket (<see cref="FuseSocketTransport"/>, one message per frame, as NetBSD's perfused does it) or a
/// stream socket that frames by the header's <c>len</c> (<see cref="FuseStreamTransport"/>).
/// </summary>
/// <remarks>
/// <para>Every <see cref="Read"/> returns one whole frame and every <see cref="Write"/> sends one; a transport may be read
/// and written by several threads at once (a stream transport serialises them itself so that frames never interleave).</para>
/// <para>The end of the connection is noticed by whichever side meets it first, a read (the peer closed, or the file system
/// was unmounted) or a write (the peer is gone), and by <see cref="Dispose()"/>; <see cref="Disconnected"/> is raised
/// exactly once, on the thread that noticed it.</para>
/// </remarks>
public abstract class FuseTransport : IDisposable
{
    private readonly Lock _gate = new();
    private int _disconnected;
    private EventHandler? _disconnectedHandlers;

    /// <summary>Raised once when the connection ends: the peer closed it, the file system was unmounted, or this transport was disposed.
    /// A handler added after that is called at once.</summary>
    public event EventHandler? Disconnected
    {
        add
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                if (_disconnected == 0)
                {
                    _disconnectedHandlers += value;
                    return;
                }
            }

            value(this, EventArgs.Empty);
        }

        remove
        {
            lock (_gate)
            {
                _disconnectedHandlers -= value;
            }
        }
    }

    /// <summary>Whether the end of the connection has been noticed (see <see cref="Disconnected"/>).</summary>
    public bool IsDisconnected => Volatile.Read(ref _disconnected) != 0;

    /// <summary>Reads one whole frame, blocking until one arrives or the connection ends.</summary>
    /// <param name="buffer">Where the frame goes: at least the largest frame the peer may send.</param>
    /// <param name="bytesRead">The frame's length when <see cref="FuseReadStatus.Frame"/>, else 0.</param>
    /// <returns><see cref="FuseReadStatus.Frame"/>; <see cref="FuseReadStatus.Aborted"/> when the request vanished while being
    /// handed over (read again); <see cref="FuseReadStatus.Unmounted"/> when the connection has ended.</returns>
    public abstract FuseReadStatus Read(Span<byte> buffer, out int bytesRead);

    /// <summary>Writes one whole frame.</summary>
    /// <param name="frame">The frame, its header's <c>len</c> equal to its length.</param>
    /// <returns>0 when sent; <see cref="Errno.ENOENT"/> when the request it answers was interrupted or aborted meanwhile (not an
    /// error); <see cref="Errno.ENODEV"/> when the connection has ended.</returns>
    public abstract int Write(ReadOnlySpan<byte> frame);

    /// <summary>Reads one whole frame into a frame buffer (puffs_framebuf's read function): the buffer is recycled, holds the frame
    /// from offset 0 to its <see cref="FuseFrameBuffer.Length"/>, and its cursor is at 0.</summary>
    /// <param name="buffer">The buffer; its <see cref="FuseFrameBuffer.MaxLength"/> bounds the frame.</param>
    /// <returns>As <see cref="Read"/>; the buffer is empty unless <see cref="FuseReadStatus.Frame"/>.</returns>
    /// <exception cref="Validation.FuseProtocolException">The peer announced a frame above the buffer's maximum (rule
    /// <see cref="Validation.FuseProtocolRule.LengthAboveMaximum"/>) or below a header, on a transport that learns the length
    /// before it reads (stream, SOCK_SEQPACKET): nothing is reserved for it. A stream cannot find the next frame after a bad length,
    /// so it ends the connection; a SOCK_SEQPACKET socket drops the message and stays usable.</exception>
    /// <remarks>/dev/fuse cannot say how long the next frame is, so the buffer reserves its maximum (the kernel wants
    /// <c>max(8192, 80 + max_write)</c>); a socket transport reserves exactly the frame.</remarks>
    public FuseReadStatus ReadFrame(FuseFrameBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return ReadFrameCore(buffer);
    }

    /// <summary>Writes the frame a frame buffer holds, from offset 0 to its <see cref="FuseFrameBuffer.Length"/>, as <see cref="Write"/>
    /// (puffs_framebuf's write function).</summary>
    /// <param name="buffer">The buffer.</param>
    /// <returns>As <see cref="Write"/>.</returns>
    public int WriteFrame(FuseFrameBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        return Write(buffer.WrittenSpan);
    }

    /// <summary>Opens another transport on the same connection, for another worker thread, where the transport has such a thing
    /// (/dev/fuse's FUSE_DEV_IOC_CLONE).</summary>
    /// <returns>The clone, which the caller disposes; or <see langword="null"/>, and the workers then share this transport.</returns>
    public virtual FuseTransport? TryClone() => null;

    /// <summary>The descriptor <c>poll(2)</c> can watch for the next frame, or -1 when the transport has none (a stream transport
    /// may hold buffered frames that no descriptor shows).</summary>
    internal virtual int PollDescriptor => -1;

    /// <summary>Whether a read would not block now: a frame is waiting, or <see cref="PollDescriptor"/> has hung up or failed (or
    /// poll itself failed); the read that follows tells which. Only for a transport with a <see cref="PollDescriptor"/>.</summary>
    internal unsafe bool PollReadable()
    {
        Interop.PollFd poll = new() { Fd = PollDescriptor, Events = Interop.LibC.PollIn };
        return Interop.LibC.Poll(&poll, 1, 0) != 0;
    }

    /// <summary>Ends the connection from this side, wakes readers blocked on it where the transport can, and releases it.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
        ReportDisconnected();
    }

    /// <summary>Records that the connection has ended and raises <see cref="Disconnected"/> if nobody has yet.</summary>
    /// <returns>Whether this call was the first to notice.</returns>
    protected bool ReportDisconnected()
    {
        EventHandler? handlers;
        lock (_gate)
        {
            if (_disconnected != 0)
            {
                return false;
            }

            Volatile.Write(ref _disconnected, 1);
            handlers = _disconnectedHandlers;
            _disconnectedHandlers = null;
        }

        handlers?.Invoke(this, EventArgs.Empty);
        return true;
    }

    /// <summary>Reads one frame into <paramref name="buffer"/>; by default into a window of the buffer's maximum length.</summary>
    /// <param name="buffer">The buffer.</param>
    /// <returns>As <see cref="Read"/>.</returns>
    internal virtual FuseReadStatus ReadFrameCore(FuseFrameBuffer buffer)
    {
        Span<byte> window = buffer.BeginFrame(buffer.MaxLength);
        FuseReadStatus status = Read(window, out int length);
        buffer.EndFrame(status == FuseReadStatus.Frame ? length : 0);
        return status;
    }

    /// <summary>Releases the transport's resources.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected abstract void Dispose(bool disposing);
}
