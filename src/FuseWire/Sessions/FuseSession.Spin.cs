using System.Diagnostics;
using System.Threading;
using FuseWire.Interop;
using FuseWire.Transports;

namespace FuseWire.Sessions;

/// <content>
/// Polling before blocking (<see cref="FuseSessionOptions.SpinBeforeBlocking"/>). One idle worker at a time polls its
/// descriptor, yielding the CPU between polls, while a request arrived within the window. A yield that takes long means
/// another thread ran on this CPU: if no request came of it, polling is taking a CPU that something else wants, so the poller
/// sleeps instead and no worker polls for a millisecond. On a machine whose CPUs are all busy the session therefore serves as
/// if polling were off.
/// <para>
/// A worker asleep in read(2) is woken by the kernel for every request that arrives, even one the poller takes, so while one
/// worker polls the others wait in the session instead (parked), as long as requests come one at a time. A worker stays
/// parked only while another holds the polling role, so some worker always reads: parked workers go back to their reads at
/// once when the poller's window passes or it pauses, or when a request was already waiting as the poller came back from
/// answering another (two callers at once); and within a millisecond, the time a parked worker waits before it looks again,
/// when the poller has taken a request (whose handler may wait, for an INTERRUPT for example, that only another can read).
/// </para>
/// </content>
public sealed partial class FuseSession
{
    /// <summary>A <c>sched_yield</c> that takes longer than this ran another thread.</summary>
    private const long YieldBudgetMicroseconds = 20;

    /// <summary>How long polling stays off once it was seen to take a CPU that another thread wanted.</summary>
    private const long PauseMicroseconds = 1000;

    /// <summary>How long a parked worker waits before it looks again whether a worker is still polling.</summary>
    private const int ParkMilliseconds = 1;

    /// <summary>How long after two requests were seen at once workers stay in their reads instead of parking.</summary>
    private const long ConcurrentMicroseconds = 10_000;

    private static readonly long YieldBudgetTicks = Stopwatch.Frequency * YieldBudgetMicroseconds / 1_000_000;
    private static readonly long PauseTicks = Stopwatch.Frequency * PauseMicroseconds / 1_000_000;
    private static readonly long ConcurrentTicks = Stopwatch.Frequency * ConcurrentMicroseconds / 1_000_000;

    private readonly long _spinTicks;
    private long _lastRequestAt;
    private long _spinPausedUntil;
    private int _spinning;
    private long _polledRequests;
    private long _concurrentAt;
    private int _parked;
    private long _parks;
    private readonly object _parkLock = new();

    /// <summary>Requests found waiting by a worker's polling (written only by the one polling worker): what polling saved.</summary>
    internal long PolledRequests => Volatile.Read(ref _polledRequests);

    /// <summary>How many times a worker has parked while another polled.</summary>
    internal long Parks => Volatile.Read(ref _parks);

    /// <summary>Notes that a request arrived, which keeps an idle worker polling for <see cref="FuseSessionOptions.SpinBeforeBlocking"/>.</summary>
    private void NoteRequest()
    {
        if (_spinTicks != 0)
        {
            Volatile.Write(ref _lastRequestAt, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Parks the worker while another polls and requests come one at a time; returns when it should read again.</summary>
    private void ParkWhilePolled(CancellationToken cancellationToken)
    {
        while (_spinTicks != 0 && _options.Workers > 1 && Volatile.Read(ref _spinning) != 0 && !_destroyed
            && !cancellationToken.IsCancellationRequested
            && Stopwatch.GetTimestamp() - Volatile.Read(ref _concurrentAt) > ConcurrentTicks)
        {
            lock (_parkLock)
            {
                _parked++;
                Volatile.Write(ref _parks, _parks + 1);
                _ = Monitor.Wait(_parkLock, ParkMilliseconds);
                _parked--;
            }
        }
    }

    /// <summary>Sends parked workers back to their reads.</summary>
    private void Unpark()
    {
        if (Volatile.Read(ref _parked) != 0)
        {
            lock (_parkLock)
            {
                Monitor.PulseAll(_parkLock);
            }
        }
    }

    /// <summary>Polls the worker's descriptor without sleeping while a request arrived within the spin window, unless another
    /// worker is polling or polling is paused; returns when a request is waiting (or the descriptor has hung up or failed), or
    /// when the window has passed, or when the CPU is wanted elsewhere.</summary>
    private unsafe void SpinUntilReadable(FuseTransport transport)
    {
        int fd = transport.PollDescriptor;
        if (_spinTicks == 0 || fd < 0 || Stopwatch.GetTimestamp() < Volatile.Read(ref _spinPausedUntil)
            || Interlocked.CompareExchange(ref _spinning, 1, 0) != 0)
        {
            return;
        }

        PollFd poll = new() { Fd = fd, Events = LibC.PollIn };
        if (Readable(ref poll))
        {
            // A request came while this worker was answering another: two callers at once, which parked workers should serve.
            Volatile.Write(ref _concurrentAt, Stopwatch.GetTimestamp());
            Volatile.Write(ref _spinning, 0);
            Unpark();
            return;
        }

        try
        {
            while (Stopwatch.GetTimestamp() - Volatile.Read(ref _lastRequestAt) < _spinTicks)
            {
                if (Readable(ref poll))
                {
                    Volatile.Write(ref _polledRequests, _polledRequests + 1);
                    return;
                }

                long before = Stopwatch.GetTimestamp();
                Thread.Yield(); // let a thread waiting for this CPU run: often the kernel's caller, about to send a request
                long after = Stopwatch.GetTimestamp();
                if (after - before > YieldBudgetTicks && !Readable(ref poll))
                {
                    Volatile.Write(ref _spinPausedUntil, after + PauseTicks);
                    return;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _spinning, 0);
            if (Stopwatch.GetTimestamp() - Volatile.Read(ref _lastRequestAt) >= _spinTicks
                || Stopwatch.GetTimestamp() < Volatile.Read(ref _spinPausedUntil))
            {
                Unpark(); // polling is over: the others wait in their reads again
            }
        }
    }

    /// <summary>Whether a read would not block: a request is waiting, or the descriptor has hung up or failed (or poll itself
    /// failed); the blocking read that follows tells which.</summary>
    private static unsafe bool Readable(ref PollFd poll)
    {
        poll.Revents = 0;
        fixed (PollFd* p = &poll)
        {
            return LibC.Poll(p, 1, 0) != 0;
        }
    }
}
