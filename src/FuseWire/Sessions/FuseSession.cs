using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;

namespace FuseWire.Sessions;

/// <summary>
/// Serves a <see cref="FuseFileSystem"/> on a FUSE device: answers INIT, then reads one request per read, dispatches it to the
/// file system and sends its reply, until the file system is unmounted (ENODEV) or DESTROY arrives.
/// </summary>
/// <remarks>
/// With <see cref="FuseSessionOptions.Workers"/> above 1, each extra worker reads its own descriptor cloned with
/// FUSE_DEV_IOC_CLONE. A request that breaks the protocol is answered EIO (ENOSYS for an unknown opcode) and the loop goes on;
/// FORGET, BATCH_FORGET and NOTIFY_REPLY are never answered.
/// </remarks>
public sealed partial class FuseSession
{
    private readonly FuseTransport _device;
    private readonly FuseFileSystem _fileSystem;
    private readonly FuseSessionOptions _options;
    private readonly List<FuseWorker> _workers = [];
    private readonly Lock _notifyLock = new();
    private readonly FusePendingInterrupts _interrupts = new();
    private readonly byte[] _notifyBuffer;
    private FixedBufferWriter? _notifyWriter;
    private FuseProtocol _protocol;
    private volatile bool _initialized;
    private volatile bool _destroyed;
    private long _requests;

    /// <summary>Creates a session over an open transport: usually <see cref="FuseMount.Device"/>, or a socket that a kernel-side
    /// peer (perfused, <c>FuseClient</c>) holds the other end of.</summary>
    /// <param name="device">The transport; the session does not dispose it.</param>
    /// <param name="fileSystem">The file system to serve.</param>
    /// <param name="options">Negotiation and serving options.</param>
    public FuseSession(FuseTransport device, FuseFileSystem fileSystem, FuseSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(fileSystem);
        _device = device;
        _fileSystem = fileSystem;
        _options = options ?? new FuseSessionOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxWrite, 4096u);
        BufferSize = (int)Math.Max(_options.MaxWrite, 64 * 1024) + 4096;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.SpinBeforeBlocking, TimeSpan.Zero, nameof(options));
        _spinTicks = (long)(_options.SpinBeforeBlocking.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        _notifyBuffer = new byte[BufferSize];
        _protocol = FuseProtocol.Initial with { MaxFrameLength = (uint)BufferSize };
    }

    /// <summary>The size of each worker's request and reply buffers: max_write (at least 64 KiB) plus a page for headers.</summary>
    public int BufferSize { get; }

    /// <summary>The protocol negotiated at INIT (7.45 with no flags before).</summary>
    public FuseProtocol Protocol => _protocol;

    /// <summary>Whether INIT has been answered.</summary>
    public bool IsInitialized => _initialized;

    /// <summary>Requests read so far.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Serves requests on the calling thread (and the extra workers) until the file system is unmounted or destroyed.</summary>
    /// <param name="cancellationToken">Stops serving after the current request; unmounting is the usual way to stop.</param>
    public void Run(CancellationToken cancellationToken = default)
    {
        FuseWorker first = new(_device, BufferSize, _options.Observer, ownsDevice: false);
        lock (_workers)
        {
            _workers.Add(first);
        }

        List<Thread> threads = [];
        try
        {
            Serve(first, untilInitialized: true, cancellationToken);
            if (_initialized && !_destroyed)
            {
                for (int i = 1; i < _options.Workers; i++)
                {
                    StartWorker(threads, cancellationToken);
                }

                Serve(first, untilInitialized: false, cancellationToken);
            }

            foreach (Thread thread in threads)
            {
                thread.Join();
            }
        }
        finally
        {
            lock (_workers)
            {
                foreach (FuseWorker worker in _workers)
                {
                    if (worker.OwnsDevice)
                    {
                        worker.Device.Dispose();
                    }
                }

                _workers.Clear();
            }

            first.Dispose(); // its buffers: no other thread serves it
            if (!_destroyed)
            {
                _destroyed = true;
                _fileSystem.Destroy();
            }
        }
    }

    /// <summary>Serves requests on a dedicated thread.</summary>
    /// <param name="cancellationToken">Stops serving after the current request.</param>
    /// <returns>A task that ends when the session ends.</returns>
    public Task RunAsync(CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void StartWorker(List<Thread> threads, CancellationToken cancellationToken)
    {
        // A cloned descriptor per worker where the kernel has FUSE_DEV_IOC_CLONE; otherwise the workers share one transport,
        // which every transport allows: each read still returns one whole frame.
        FuseTransport device = _device.TryClone() ?? _device;

        FuseWorker worker = new(device, BufferSize, _options.Observer, ownsDevice: !ReferenceEquals(device, _device));
        lock (_workers)
        {
            _workers.Add(worker);
        }

        Thread thread = new(() =>
        {
            try
            {
                Serve(worker, untilInitialized: false, cancellationToken);
            }
            finally
            {
                worker.Dispose();
            }
        })
        {
            IsBackground = true,
            Name = "FuseWire worker " + threads.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        threads.Add(thread);
        thread.Start();
    }

    private void Serve(FuseWorker worker, bool untilInitialized, CancellationToken cancellationToken)
    {
        Span<byte> buffer = worker.RequestBuffer.Span;
        while (!_destroyed && !cancellationToken.IsCancellationRequested)
        {
            if (untilInitialized && _initialized)
            {
                return;
            }

            FuseReadStatus status;
            int length;
            try
            {
                SpinUntilReadable(worker.Device);
                status = worker.Device.Read(buffer, out length);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (FuseProtocolException e)
            {
                // A stream transport lost the frame boundary (a len below the header or above the maximum): the connection is
                // over; report why and end like an unmount.
                _options.OnProtocolError?.Invoke(e.Error);
                _destroyed = true;
                return;
            }

            if (status == FuseReadStatus.Unmounted)
            {
                _destroyed = true;
                return;
            }

            if (status != FuseReadStatus.Frame)
            {
                continue;
            }

            _ = Interlocked.Increment(ref _requests);
            NoteRequest();
            try
            {
                Dispatch(worker, buffer[..length]);
            }
            finally
            {
                NoteDispatched();
            }
        }
    }
}
