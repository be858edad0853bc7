using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;

namespace FuseWire.Client;

/// <summary>
/// The kernel's side of a FUSE connection, as NetBSD's perfused plays it: sends requests to a daemon over a <see cref="FuseTransport"/> and
/// awaits each reply, matched by unique and validated before the caller sees it.
/// </summary>
/// <remarks>
/// <para>Each request is written synchronously into a pooled frame and put on a send queue; whichever caller finds nobody writing drains the
/// queue. A cancelled request's FUSE_INTERRUPT goes to the head of the queue (the frame being written is finished first). A dedicated reader
/// thread blocks in <see cref="FuseTransport.Read"/>, matches each reply to its request and completes it; frames that answer nothing go to
/// <see cref="FuseClientOptions.OnNotification"/> or <see cref="FuseClientOptions.OnProtocolError"/>.</para>
/// <para>When the connection ends every pending request fails with <see cref="FuseConnectionClosedException"/>, later requests fail at once,
/// and the reader thread ends. The client owns the transport and disposes it then.</para>
/// <para>Steady state allocates nothing per round trip on the fixed-size paths: requests, frames and their buffers are pooled.</para>
/// </remarks>
public sealed partial class FuseClient : IDisposable, IAsyncDisposable
{
    /// <summary><c>FUSE_INT_REQ_BIT</c>: the bit of an INTERRUPT's unique (the interrupted request's unique with bit 0 set).</summary>
    private const ulong InterruptBit = 1;

    /// <summary><c>FUSE_REQ_ID_STEP</c>: uniques go up by two, leaving bit 0 to INTERRUPT.</summary>
    private const long UniqueStep = 2;

    private readonly FuseTransport _transport;
    private readonly FuseClientOptions _options;
    private readonly Lock _gate = new();
    private readonly FuseOutstandingRequests _outstanding = new();
    private readonly Dictionary<ulong, FuseClientRequest> _pending = new(64);
    private readonly Stack<FuseClientRequest> _requestPool = new();
    private readonly Stack<FuseOutgoingFrame> _framePool = new();
    private readonly Thread _reader;
    private StrongBox<FuseProtocol> _protocol;
    private FuseInitOut _initOut;
    private uint _maxWrite;
    private long _nextUnique;
    private FuseOutgoingFrame? _head;
    private FuseOutgoingFrame? _tail;
    private bool _writing;
    private bool _closed;
    private bool _noInterrupt;
    private Exception? _closeCause;

    /// <summary>Creates a client over a connected transport and starts its reader thread. Call <see cref="InitAsync"/> first.</summary>
    /// <param name="transport">The kernel's end of the connection (the client owns it from now on).</param>
    /// <param name="options">Flags offered, strictness, observers; null for the defaults.</param>
    public FuseClient(FuseTransport transport, FuseClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _options = options ?? new FuseClientOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxFrameLength, (uint)FuseOutgoingFrame.OwnBufferSize, nameof(options));
        _protocol = new StrongBox<FuseProtocol>(FuseProtocol.Initial with { MaxFrameLength = _options.MaxFrameLength });
        _maxWrite = _options.MaxWrite;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "FuseClient reader" };
        _transport.Disconnected += OnDisconnected;
        _reader.Start();
    }

    /// <summary>The protocol in use: <see cref="FuseProtocol.Initial"/> before INIT, the negotiated one after.</summary>
    public FuseProtocol Protocol => Volatile.Read(ref _protocol).Value;

    /// <summary>The daemon's INIT reply (zeros before <see cref="InitAsync"/> completes).</summary>
    public FuseInitOut InitOut
    {
        get
        {
            lock (_gate)
            {
                return _initOut;
            }
        }
    }

    /// <summary>Whether INIT has been answered.</summary>
    public bool IsInitialized { get; private set; }

    /// <summary>The largest WRITE payload this client sends: <see cref="FuseClientOptions.MaxWrite"/>, lowered by the daemon's <c>max_write</c>.</summary>
    public uint MaxWrite => Volatile.Read(ref _maxWrite);

    /// <summary>Whether the connection is still open.</summary>
    public bool IsConnected => !Volatile.Read(ref _closed);

    /// <summary>The number of requests awaiting replies (interrupted ones included until their reply comes).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Ends the connection: pending requests fail with <see cref="FuseConnectionClosedException"/>, the transport is disposed and the reader thread ends.</summary>
    public void Dispose()
    {
        Close(new ObjectDisposedException(nameof(FuseClient)));
        if (Thread.CurrentThread != _reader && _reader.IsAlive)
        {
            _ = _reader.Join(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Ends the connection as <see cref="Dispose"/> does.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Returns a request to the pool once both its owners let go.</summary>
    internal void Recycle(FuseClientRequest request)
    {
        request.Reset();
        lock (_gate)
        {
            _requestPool.Push(request);
        }
    }

    private void OnDisconnected(object? sender, EventArgs e) => Close(null);

    /// <summary>Ends the connection once: fails every pending request, drops the queue, disposes the transport (which wakes the reader).</summary>
    private void Close(Exception? cause)
    {
        FuseClientRequest[] failing;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            Volatile.Write(ref _closed, true);
            _closeCause = cause;
            failing = new FuseClientRequest[_pending.Count];
            _pending.Values.CopyTo(failing, 0);
            _pending.Clear();
            for (FuseOutgoingFrame? frame = _head; frame is not null; frame = frame.Next)
            {
                if (frame.Request is { } queued)
                {
                    queued.QueuedFrame = null;
                }
            }

            _head = null;
            _tail = null;
        }

        foreach (FuseClientRequest request in failing)
        {
            _ = request.Fail(ClosedException());
            request.Release();
        }

        _transport.Dispose();
    }

    private FuseConnectionClosedException ClosedException() =>
        new("The FUSE connection is closed" + (_closeCause is null ? "." : ": " + _closeCause.Message), _closeCause);
}
