using System;
using System.Threading;

namespace FuseWire.Sessions;

/// <summary>
/// Decides by trial whether polling before sleeping serves more requests than sleeping at once. Polling saves the wake-up of a
/// worker when a CPU would otherwise sit idle, and costs throughput when the callers want every CPU; which holds depends on
/// the workload, so the session measures it. A trial has four windows, polling allowed in the first and last and not in the
/// middle two (so that a drift in the machine's speed weighs on both sides alike); each window first lets the scheduler settle
/// (a thread's recent CPU use steers where the kernel places it for tens of milliseconds after) and then counts the requests
/// served. Windows 1 and 2 make one pair, 4 and 3 the other, and the choice changes only when both pairs agree: sleeping
/// faster by more than a margin that the counts can tell apart, or polling at least as fast. One window can read far off on
/// a noisy machine; two pairs that agree rarely do.
/// </summary>
/// <remarks>
/// A trial starts when the session reports a new load (<see cref="Observe"/>'s <c>resumed</c>) and otherwise once a period,
/// a period that doubles while trials agree. A trial broken by a gap in the requests ends with polling allowed: under a light
/// load polling costs no throughput and is what the option asked for. The session calls <see cref="Observe"/> for every
/// request while its callers overlap; one caller at a time moves the trial on, the others return after one comparison.
/// Times are in <see cref="System.Diagnostics.Stopwatch"/> ticks.
/// </remarks>
internal sealed class SpinGovernor
{
    /// <summary>The least margin by which sleeping must serve faster than polling to be chosen.</summary>
    private const double LeastMargin = 0.02;

    /// <summary>How many times faster polling must serve in the first pair for the trial to end there.</summary>
    private const double FarAhead = 1.5;

    /// <summary>The longest period between trials, in multiples of the first.</summary>
    private const int MaxPeriodDoublings = 3;

    private readonly long _settleTicks;
    private readonly long _measureTicks;
    private readonly long _periodTicks;

    private long _nextAt;
    private int _advancing;
    private int _pollingAllowed = 1;
    private int _window; // 0 between trials, 1 to 4 during one
    private bool _measuring;
    private long _windowStartedAt;
    private long _windowStartRequests;
    private readonly long[] _served = new long[4];
    private readonly long[] _elapsed = new long[4];
    private int _doublings;
    private bool _lastChoseSleeping;
    private int _trials;
    private int _sleepingChosen;

    /// <summary>Creates a governor whose windows settle for <paramref name="settleTicks"/> and then count for
    /// <paramref name="measureTicks"/>, with a trial at least every <paramref name="periodTicks"/> (at most every eighth
    /// period while trials agree) and whenever a new load starts.</summary>
    internal SpinGovernor(long settleTicks, long measureTicks, long periodTicks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(settleTicks);
        ArgumentOutOfRangeException.ThrowIfLessThan(measureTicks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodTicks, 4 * (settleTicks + measureTicks));
        _settleTicks = settleTicks;
        _measureTicks = measureTicks;
        _periodTicks = periodTicks;
    }

    /// <summary>Whether a worker may poll now: during a trial as its window says, between trials as the last trial chose.</summary>
    internal bool PollingAllowed => Volatile.Read(ref _pollingAllowed) != 0;

    /// <summary>Trials completed (not counting those a gap in the requests broke off).</summary>
    internal int Trials => Volatile.Read(ref _trials);

    /// <summary>Trials that chose sleeping over polling.</summary>
    internal int SleepingChosen => Volatile.Read(ref _sleepingChosen);

    /// <summary>Notes a request served at <paramref name="now"/>, <paramref name="resumed"/> if it starts a new load (after a
    /// pause, say), the session having served <paramref name="requests"/> so far.</summary>
    internal void Observe(long now, bool resumed, long requests)
    {
        if ((now < Volatile.Read(ref _nextAt) && !resumed) || Interlocked.CompareExchange(ref _advancing, 1, 0) != 0)
        {
            return;
        }

        try
        {
            if (now >= _nextAt || resumed)
            {
                Advance(now, requests, resumed);
            }
        }
        finally
        {
            Volatile.Write(ref _advancing, 0);
        }
    }

    private static bool PollsIn(int window) => window is 1 or 4;

    private void Advance(long now, long requests, bool resumed)
    {
        if (resumed)
        {
            // A new load: whatever was counted, or chosen, says nothing about it.
            _doublings = 0;
            StartTrial(now);
            return;
        }

        if (_window == 0)
        {
            StartTrial(now);
            return;
        }

        if (!_measuring)
        {
            _measuring = true;
            _windowStartedAt = now;
            _windowStartRequests = requests;
            Volatile.Write(ref _nextAt, now + _measureTicks);
            return;
        }

        long elapsed = now - _windowStartedAt;
        if (elapsed > 2 * _measureTicks)
        {
            EndTrial(now, sleeping: false, decided: false);
            return;
        }

        _served[_window - 1] = requests - _windowStartRequests;
        _elapsed[_window - 1] = elapsed;

        if (_window == 2 && PollingFarAhead())
        {
            EndTrial(now, sleeping: false, decided: true); // a caller that waits on every reply: no need to sleep through two windows
            return;
        }

        if (_window < 4)
        {
            StartWindow(_window + 1, now);
            return;
        }

        // Windows 1 and 2 make one pair, 4 and 3 the other; the choice changes only when both pairs agree on it.
        bool? first = Favours(0, 1);
        bool? second = Favours(3, 2);
        bool sleeping = first == second && first is bool agreed ? agreed : _lastChoseSleeping;
        EndTrial(now, sleeping, decided: true);
    }

    /// <summary>
    /// Whether a pair of windows favours sleeping (true: its sleeping window served faster than its polling window by more
    /// than the margin, 2% or one over the square root of the smaller count where that is larger, as a count of n requests is
    /// only good to about 1/√n), polling (false: polling served at least as fast), or neither (null).
    /// </summary>
    private bool? Favours(int polling, int sleeping)
    {
        long fewer = Math.Min(_served[polling], _served[sleeping]);
        if (fewer <= 0)
        {
            return null;
        }

        double margin = Math.Max(LeastMargin, 1 / Math.Sqrt(fewer));
        double pollingRate = (double)_served[polling] / _elapsed[polling];
        double sleepingRate = (double)_served[sleeping] / _elapsed[sleeping];
        return sleepingRate > pollingRate * (1 + margin) ? true : pollingRate >= sleepingRate ? false : null;
    }

    /// <summary>Whether the first pair's polling window served more than <see cref="FarAhead"/> times as fast as its sleeping one.</summary>
    private bool PollingFarAhead() =>
        _served[1] > 0 && (double)_served[0] / _elapsed[0] > FarAhead * _served[1] / _elapsed[1];

    private void StartTrial(long now)
    {
        Array.Clear(_served);
        Array.Clear(_elapsed);
        StartWindow(1, now);
    }

    private void StartWindow(int window, long now)
    {
        _window = window;
        _measuring = false;
        Volatile.Write(ref _pollingAllowed, PollsIn(window) ? 1 : 0);
        Volatile.Write(ref _nextAt, now + _settleTicks);
    }

    private void EndTrial(long now, bool sleeping, bool decided)
    {
        if (decided)
        {
            _ = Interlocked.Increment(ref _trials);
            if (sleeping)
            {
                _ = Interlocked.Increment(ref _sleepingChosen);
            }

            _doublings = sleeping == _lastChoseSleeping ? Math.Min(_doublings + 1, MaxPeriodDoublings) : 0;
            _lastChoseSleeping = sleeping;
        }
        else
        {
            _doublings = 0;
        }

        _window = 0;
        Volatile.Write(ref _pollingAllowed, sleeping ? 0 : 1);
        Volatile.Write(ref _nextAt, now + (_periodTicks << _doublings));
    }
}
