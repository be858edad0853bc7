using System;
using System.IO;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Interop;

namespace FuseWire.Transports;

/// <summary>
/// A /dev/fuse descriptor: each <see cref="Read"/> returns one request frame, each <see cref="Write"/> sends one reply
/// or notification frame.
/// </summary>
/// <remarks>
/// <para>The descriptor is held by a <see cref="SafeHandle"/>: <see cref="Dispose"/> from another thread while a
/// <see cref="Read"/> is blocked does not free the descriptor number under the reader; the real <c>close</c> happens
/// when that read returns. Linux does not wake a read blocked on /dev/fuse when its descriptor is closed: the read
/// ends with ENODEV (<see cref="FuseReadStatus.Unmounted"/>) once the filesystem is unmounted or the connection aborted.</para>
/// <para>The kernel refuses (EINVAL) a read buffer smaller than
/// <c>max(8192, 80 + max_write)</c>, where <c>max_write</c> is the value negotiated at INIT.</para>
/// </remarks>
public sealed class FuseDevice : FuseTransport
{
    private readonly SafeFuseHandle _handle;
    private readonly string _path;

    private FuseDevice(SafeFuseHandle handle, string path)
    {
        _handle = handle;
        _path = path;
    }

    /// <summary>The file descriptor, or -1 after <see cref="Dispose"/>.</summary>
    public int Handle => _handle.Fd;

    /// <inheritdoc/>
    internal override int PollDescriptor => _handle.Fd;

    /// <summary>Whether <see cref="Dispose"/> has been called.</summary>
    public bool IsClosed => _handle.IsClosed;

    /// <summary>Opens the FUSE device read-write and close-on-exec.</summary>
    /// <param name="path">The device; normally /dev/fuse.</param>
    /// <returns>The open device, attached to no filesystem yet.</returns>
    /// <exception cref="IOException">open(2) failed (errno in the message and <see cref="Exception.HResult"/>).</exception>
    public static FuseDevice Open(string path = "/dev/fuse")
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        int fd = LibC.Open(path, LibC.ORdWr | LibC.OCloExec);
        if (fd < 0)
        {
            throw Errors.IO($"open({path})", Marshal.GetLastPInvokeError());
        }

        return new FuseDevice(new SafeFuseHandle(fd), path);
    }

    /// <summary>Takes ownership of an already open /dev/fuse descriptor (one received from fusermount).</summary>
    /// <param name="fd">The descriptor.</param>
    /// <returns>The device.</returns>
    internal static FuseDevice FromDescriptor(int fd) => new(new SafeFuseHandle(fd), "/dev/fuse");

    /// <summary>
    /// Opens the device again and attaches the new descriptor to this one's connection
    /// (<c>ioctl(FUSE_DEV_IOC_CLONE)</c>), so another thread can read and answer requests on its own descriptor.
    /// </summary>
    /// <returns>The clone; a reply must be written to the descriptor its request was read from.</returns>
    /// <exception cref="NotSupportedException">The kernel lacks FUSE_DEV_IOC_CLONE (ENOTTY/ENOSYS).</exception>
    /// <exception cref="IOException">The ioctl failed otherwise; EPERM (kernel 6.18) means this descriptor is not attached to a mounted connection yet.</exception>
    /// <exception cref="ObjectDisposedException">This device is disposed.</exception>
    public FuseDevice Clone()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        FuseDevice clone = Open(_path);
        int source = Handle;
        if (LibC.Ioctl(clone._handle, FuseConstants.DevIocClone, ref source) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            clone.Dispose();
            if (errno is LibC.ENOTTY or LibC.ENOSYS)
            {
                throw new NotSupportedException($"The kernel does not support FUSE_DEV_IOC_CLONE (errno {errno}).");
            }

            throw Errors.IO("ioctl(FUSE_DEV_IOC_CLONE)", errno);
        }

        return clone;
    }

    /// <summary>Reads one request frame: one read(2) returns exactly one frame.</summary>
    /// <param name="buffer">Where the frame goes; at least <c>max(8192, 80 + max_write)</c> bytes.</param>
    /// <param name="bytesRead">The frame's length when <see cref="FuseReadStatus.Frame"/>, else 0.</param>
    /// <returns><see cref="FuseReadStatus.Frame"/>; <see cref="FuseReadStatus.Aborted"/> on ENOENT;
    /// <see cref="FuseReadStatus.Unmounted"/> on ENODEV, ECONNABORTED or once the device is disposed (and, for a socket standing
    /// in for /dev/fuse, at end of file or on ECONNRESET). EINTR is retried.</returns>
    /// <exception cref="IOException">Any other error (EINVAL: the buffer is too small).</exception>
    public override unsafe FuseReadStatus Read(Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        while (true)
        {
            nint result;
            int errno;
            try
            {
                fixed (byte* pointer = buffer)
                {
                    result = LibC.Read(_handle, pointer, (nuint)buffer.Length);
                    errno = result < 0 ? Marshal.GetLastPInvokeError() : 0;
                }
            }
            catch (ObjectDisposedException)
            {
                _ = ReportDisconnected();
                return FuseReadStatus.Unmounted;
            }

            if (result > 0)
            {
                bytesRead = (int)result;
                return FuseReadStatus.Frame;
            }

            if (result == 0)
            {
                // /dev/fuse never reads 0 bytes; a socket standing in for it (perfused's way) does when its peer has gone.
                _ = ReportDisconnected();
                return FuseReadStatus.Unmounted;
            }

            switch (errno)
            {
                case LibC.EINTR:
                case LibC.EAGAIN:
                    continue;
                case LibC.ENOENT:
                    return FuseReadStatus.Aborted;
                case LibC.ENODEV:
                case LibC.ECONNABORTED:
                case LibC.ECONNRESET: // a socket standing in for /dev/fuse whose peer closed with replies unread
                    _ = ReportDisconnected();
                    return FuseReadStatus.Unmounted;
                default:
                    throw Errors.IO(errno == LibC.EINVAL ? $"read(/dev/fuse, {buffer.Length} bytes)" : "read(/dev/fuse)", errno);
            }
        }
    }

    /// <summary>Writes one reply or notification frame with one write(2).</summary>
    /// <param name="frame">The whole frame, its header's <c>len</c> equal to its length.</param>
    /// <returns>0 on success; <see cref="Errno.ENOENT"/> when the request was interrupted or aborted meanwhile (not an
    /// error for the caller); <see cref="Errno.ENODEV"/> when the filesystem is unmounted or the device disposed (or, for a
    /// socket standing in for /dev/fuse, its peer has gone: EPIPE, ECONNRESET).</returns>
    /// <exception cref="IOException">Any other error: EINVAL for a frame the kernel rejects, for instance.</exception>
    public override unsafe int Write(ReadOnlySpan<byte> frame)
    {
        while (true)
        {
            nint result;
            int errno;
            try
            {
                fixed (byte* pointer = frame)
                {
                    result = LibC.Write(_handle, pointer, (nuint)frame.Length);
                    errno = result < 0 ? Marshal.GetLastPInvokeError() : 0;
                }
            }
            catch (ObjectDisposedException)
            {
                _ = ReportDisconnected();
                return LibC.ENODEV;
            }

            if (result >= 0)
            {
                if (result != frame.Length)
                {
                    throw new IOException($"write(/dev/fuse) wrote {result} of {frame.Length} bytes.");
                }

                return 0;
            }

            switch (errno)
            {
                case LibC.EINTR:
                    continue;
                case LibC.ENOENT:
                    return errno;
                case LibC.ENODEV:
                    _ = ReportDisconnected();
                    return errno;
                case LibC.EPIPE:
                case LibC.ECONNRESET:
                    // A socket standing in for /dev/fuse whose peer has gone: the same end as an unmount.
                    _ = ReportDisconnected();
                    return LibC.ENODEV;
                default:
                    throw Errors.IO($"write(/dev/fuse, {frame.Length} bytes)", errno);
            }
        }
    }

    /// <summary>Clones the descriptor (<see cref="Clone"/>) where the kernel allows it.</summary>
    /// <returns>The clone, or <see langword="null"/> when FUSE_DEV_IOC_CLONE is missing or refused (a socket standing in for
    /// /dev/fuse, or a descriptor not yet attached to a mount).</returns>
    public override FuseTransport? TryClone()
    {
        try
        {
            return Clone();
        }
        catch (Exception e) when (e is NotSupportedException or IOException)
        {
            return null;
        }
    }

    /// <summary>Closes the descriptor; idempotent and thread-safe. A read blocked on another thread keeps the descriptor alive until it returns.</summary>
    /// <param name="disposing">Whether called from <see cref="FuseTransport.Dispose()"/>.</param>
    protected override void Dispose(bool disposing) => _handle.Dispose();
}
