using System.Diagnostics;
using System.Threading;
using FuseWire.Transports;

namespace FuseWire.Sessions;

/// <content>
/// Polling before blocking (<see cref="FuseSessionOptions.SpinBeforeBlocking"/>). One idle worker at a time polls its
/// descriptor, yielding the CPU between polls, while a request arrived within the window; the others sleep in their reads as
/// usual. A yield that takes long means another thread ran on this CPU: if no request came of it, polling is taking a CPU
/// that something else wants, so the poller sleeps instead and no worker polls for a millisecond. No worker polls while
/// another is handling a request: two requests at once mean two callers, whose threads want the CPUs that polling would take,
/// and the busy worker reads again as soon as it has answered. And while callers overlap so, whether polling in the gaps
/// helps or hurts depends on the load, so a <see cref="SpinGovernor"/> times polling against sleeping and keeps the faster;
/// a session that serves one caller at a time polls without trials, which is what polling is for.
/// </content>
public sealed partial class FuseSession
{
    /// <summary>A <c>sched_yield</c> that takes longer than this ran another thread.</summary>
    private const long YieldBudgetMicroseconds = 20;

    /// <summary>How long polling stays off once it was seen to take a CPU that another thread wanted.</summary>
    private const long PauseMicroseconds = 1000;

    private static readonly long YieldBudgetTicks = Stopwatch.Frequency * YieldBudgetMicroseconds / 1_000_000;
    private static readonly long PauseTicks = Stopwatch.Frequency * PauseMicroseconds / 1_000_000;

    /// <summary>How long each window of a trial lets the scheduler settle before it counts.</summary>
    private static readonly long TrialSettleTicks = Stopwatch.Frequency / 20;

    /// <summary>How long each window of a trial counts the requests served.</summary>
    private static readonly long TrialMeasureTicks = Stopwatch.Frequency * 3 / 20;

    /// <summary>How often polling and sleeping are timed against each other while callers overlap (at first).</summary>
    private static readonly long TrialPeriodTicks = Stopwatch.Frequency * 2;

    /// <summary>A pause in the requests this long starts a trial when they resume; also how long after two requests were
    /// last handled at once the session still counts its callers as overlapping.</summary>
    private static readonly long OverlapTicks = Stopwatch.Frequency / 10;

    private readonly SpinGovernor _governor = new(TrialSettleTicks, TrialMeasureTicks, TrialPeriodTicks);

    private readonly long _spinTicks;
    private long _lastRequestAt;
    private long _spinPausedUntil;
    private int _spinning;
    private int _dispatching;
    private long _overlappedAt = long.MinValue / 2;
    private long _polledRequests;

    /// <summary>Requests found waiting by a worker's polling (written only by the one polling worker): what polling saved.</summary>
    internal long PolledRequests => Volatile.Read(ref _polledRequests);

    /// <summary>Notes that a request arrived, which keeps an idle worker polling for <see cref="FuseSessionOptions.SpinBeforeBlocking"/>,
    /// and that a worker is handling it, which keeps the others from polling until <see cref="NoteDispatched"/>; a second request
    /// handled at once marks the callers as overlapping, and while they overlap every request is reported to the governor.</summary>
    private void NoteRequest()
    {
        if (_spinTicks != 0)
        {
            long now = Stopwatch.GetTimestamp();
            long previous = Interlocked.Exchange(ref _lastRequestAt, now);
            long overlapped = Volatile.Read(ref _overlappedAt);
            if (Interlocked.Increment(ref _dispatching) > 1)
            {
                Volatile.Write(ref _overlappedAt, now);
                if (now - overlapped >= OverlapTicks)
                {
                    _governor.Observe(now, resumed: true, Volatile.Read(ref _requests)); // callers overlap again: a new load
                    return;
                }
            }

            if (now - overlapped < OverlapTicks)
            {
                _governor.Observe(now, resumed: now - previous >= OverlapTicks, Volatile.Read(ref _requests));
            }
        }
    }

    /// <summary>Notes that a worker has handled the request <see cref="NoteRequest"/> noted.</summary>
    private void NoteDispatched()
    {
        if (_spinTicks != 0)
        {
            _ = Interlocked.Decrement(ref _dispatching);
        }
    }

    /// <summary>Whether polling is neither paused nor, while callers overlap, turned down by the governor's last trial.</summary>
    private bool PollingAllowed(long now) =>
        now >= Volatile.Read(ref _spinPausedUntil) && (_governor.PollingAllowed || now - Volatile.Read(ref _overlappedAt) >= OverlapTicks);

    /// <summary>Polls the worker's descriptor without sleeping while a request arrived within the spin window, unless another
    /// worker is polling or handling a request or polling is not allowed (<see cref="PollingAllowed"/>); returns when a request
    /// is waiting (or the descriptor has hung up or failed), when the window has passed, or when the CPU is wanted elsewhere.</summary>
    private void SpinUntilReadable(FuseTransport transport)
    {
        if (_spinTicks == 0 || transport.PollDescriptor < 0 || Volatile.Read(ref _dispatching) != 0
            || !PollingAllowed(Stopwatch.GetTimestamp()) || Interlocked.CompareExchange(ref _spinning, 1, 0) != 0)
        {
            return;
        }

        try
        {
            for (long now = Stopwatch.GetTimestamp();
                now - Volatile.Read(ref _lastRequestAt) < _spinTicks && Volatile.Read(ref _dispatching) == 0 && PollingAllowed(now);
                now = Stopwatch.GetTimestamp())
            {
                if (transport.PollReadable())
                {
                    Volatile.Write(ref _polledRequests, _polledRequests + 1);
                    return;
                }

                long before = Stopwatch.GetTimestamp();
                Thread.Yield(); // let a thread waiting for this CPU run: often the kernel's caller, about to send a request
                long after = Stopwatch.GetTimestamp();
                if (after - before > YieldBudgetTicks && !transport.PollReadable())
                {
                    Volatile.Write(ref _spinPausedUntil, after + PauseTicks);
                    return;
                }
            }
        }
        finally
        {
            Volatile.Write(ref _spinning, 0);
        }
    }
}
