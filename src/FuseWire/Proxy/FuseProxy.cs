using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;

namespace FuseWire.Proxy;

/// <summary>
/// Forwards FUSE frames between a kernel-side transport (a mounted <see cref="FuseDevice"/>, or a socket standing in for it) and a
/// daemon-side transport (the socket a libfuse daemon reads as <c>/dev/fd/N</c>), checking every reply on the way, as NetBSD's
/// perfused sits between its kernel and a FUSE daemon.
/// </summary>
/// <remarks>
/// <para>Two threads: one reads requests from the kernel and passes them to the daemon, the other reads replies and notifications
/// from the daemon and passes them to the kernel. Each owns one frame buffer, reused for every frame; nothing is allocated per
/// frame in steady state. The INIT request and reply are parsed as they pass, and every later frame is decoded with the protocol
/// they negotiated (<see cref="FuseProtocol.Negotiate"/>). With <see cref="FuseProxyOptions.SpinBeforeBlocking"/>, each thread polls its side for a while after
/// any frame before it blocks, so that while traffic flows neither has to be woken.</para>
/// <para>Every request that expects a reply is recorded in a <see cref="FuseOutstandingRequests"/> table before it leaves; every
/// daemon frame goes through <see cref="FuseReplyValidator.ValidateIncoming"/>. A valid frame (warnings included) is passed on
/// unchanged. A reply the validator rejects but whose request is known is replaced by an EIO reply to that request, so that the
/// kernel's caller gets an error rather than a hang or a kernel-side EINVAL; a bad notification, and a reply to no outstanding
/// request (a duplicate, a reply to FORGET), is dropped. FORGET and BATCH_FORGET get no reply and are not waited for;
/// INTERRUPT (whose unique is the interrupted request's with bit 0 set) is passed on, and the daemon's EAGAIN or ENOSYS answer
/// to it is passed back unchecked against the table.</para>
/// <para>The proxy owns both transports. When the kernel side ends (unmount), it closes the daemon's transport, which ends the
/// daemon's loop. When the daemon side ends (the daemon exited or died), every request still outstanding is answered ENOTCONN,
/// and so is every later request, until the kernel side ends too (the caller unmounts).</para>
/// </remarks>
public sealed partial class FuseProxy : IDisposable
{
    private const int Page = 4096;

    /// <summary>FUSE_INT_REQ_BIT: an INTERRUPT's unique is the interrupted request's (always even) with bit 0 set.</summary>
    private const ulong InterruptBit = 1;
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(2);

    private readonly FuseTransport _kernel;
    private readonly FuseTransport _daemon;
    private readonly FuseProxyObserver? _observer;
    private readonly FuseReplyStrictness _strictness;
    private readonly Lock _gate = new();
    private readonly FuseOutstandingRequests _outstanding = new(capacity: 256);
    private readonly Dictionary<ulong, FusePendingRequest> _pending = new(256);
    private readonly TaskCompletionSource<FuseProxyExit> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _initAnswered = new();
    private readonly Thread _requestPump;
    private readonly Thread _replyPump;
    private FuseProtocol _protocol;
    private uint _kernelMinor = FuseWire.Abi.FuseConstants.KernelMinorVersion;
    private FuseWire.Abi.FuseInitFlags _offered;
    private int _frameSize;
    private int _started;
    private int _daemonGone;
    private int _disposed;

    /// <summary>Creates a proxy between two transports, which it owns from now on.</summary>
    /// <param name="kernel">The kernel side: where requests come from and replies go.</param>
    /// <param name="daemon">The daemon side: where requests go and replies and notifications come from.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    public FuseProxy(FuseTransport kernel, FuseTransport daemon, FuseProxyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(daemon);
        options ??= new FuseProxyOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InitialBufferSize, 8192, nameof(options));
        _kernel = kernel;
        _daemon = daemon;
        _observer = options.Observer;
        _strictness = options.Strictness;
        _frameSize = options.InitialBufferSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SpinBeforeBlocking, TimeSpan.Zero, nameof(options));
        _spinTicks = (long)(options.SpinBeforeBlocking.TotalSeconds * Stopwatch.Frequency);
        _protocol = FuseProtocol.Initial with { MaxFrameLength = (uint)options.InitialBufferSize };
        _requestPump = new Thread(() => RunPump(PumpRequestsCore)) { IsBackground = true, Name = "FuseProxy requests" };
        _replyPump = new Thread(() => RunPump(PumpRepliesCore)) { IsBackground = true, Name = "FuseProxy replies" };
    }

    /// <summary>Completes when the first side ends, with which one it was; faults with the exception when a pump failed (an
    /// observer that threw, a transport error other than the connection's end), after which the daemon's side is closed.</summary>
    public Task<FuseProxyExit> Completion => _completion.Task;

    /// <summary>The protocol negotiated by the INIT exchange that passed through (<see cref="FuseProtocol.Initial"/> before it).</summary>
    public FuseProtocol Protocol
    {
        get
        {
            lock (_gate)
            {
                return _protocol;
            }
        }
    }

    /// <summary>The number of requests passed to the daemon and not answered yet.</summary>
    public int OutstandingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Starts the two pump threads.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The proxy has already been started.");
        }

        _requestPump.Start();
        _replyPump.Start();
    }

    /// <summary>Starts the proxy and blocks until one side ends.</summary>
    /// <returns>Which side ended first.</returns>
    public FuseProxyExit Run()
    {
        Start();
        return Completion.GetAwaiter().GetResult();
    }

    /// <summary>Closes both transports and waits (briefly) for the pump threads. A thread blocked reading a mounted /dev/fuse
    /// keeps waiting until the file system is unmounted; it is a background thread and does not keep the process alive.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _daemon.Dispose();
        _kernel.Dispose();
        _ = _completion.TrySetResult(FuseProxyExit.Disposed);
        _initAnswered.Set();
        if (Volatile.Read(ref _started) != 0)
        {
            bool replies = _replyPump.Join(JoinTimeout);
            if (_requestPump.Join(JoinTimeout) && replies)
            {
                _initAnswered.Dispose();
            }
        }
    }

    /// <summary>Writes one frame to the kernel; false when the kernel side has gone. A frame the kernel refuses (EINVAL) is
    /// its business: it ends the request itself, and the proxy goes on.</summary>
    private bool WriteToKernel(ReadOnlySpan<byte> frame)
    {
        try
        {
            return _kernel.Write(frame) != Errno.ENODEV;
        }
        catch (IOException)
        {
            return !_kernel.IsDisconnected;
        }
    }

    /// <summary>Runs one pump on its thread: whatever it throws ends the proxy (<see cref="Fail"/>) instead of the process.</summary>
    private void RunPump(Action pump)
    {
        try
        {
            pump();
        }
#pragma warning disable CA1031 // A pump thread must not take the process down (and leave a dead mount): the failure ends the proxy instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Fail(e);
        }
    }

    /// <summary>A pump failed: report it through <see cref="Completion"/> and close the daemon's side, so that both ends stop.</summary>
    private void Fail(Exception exception)
    {
        _ = _completion.TrySetException(exception);
        _initAnswered.Set();
        _daemon.Dispose();
    }

    /// <summary>Takes a request out of both tables, when it is still awaiting its reply.</summary>
    private bool TryTakePending(ulong unique, out FusePendingRequest pending)
    {
        lock (_gate)
        {
            if (!_pending.Remove(unique, out pending))
            {
                return false;
            }

            _ = _outstanding.Remove(unique);
            return true;
        }
    }

    private void Observe(ReadOnlySpan<byte> frame, FuseProxyDirection direction, FuseProxyAction action, in FuseReplyContext context, in FuseValidationResult validation, in FuseProtocol protocol, TimeSpan latency)
    {
        FuseProxyObserver? observer = _observer;
        if (observer is not null)
        {
            observer(new FuseProxyFrame(frame, direction, action, context, validation, protocol, latency));
        }
    }

    /// <summary>The frame size needed once INIT negotiated <paramref name="maxWrite"/> and <paramref name="maxPages"/>.</summary>
    private static int FrameSizeFor(uint maxWrite, uint maxPages)
    {
        long largest = Math.Max(maxWrite, maxPages * (long)Page) + Page;
        return (int)Math.Min(largest, int.MaxValue / 2);
    }
}
