using System.Diagnostics;
using System.Threading;
using FuseWire.Transports;

namespace FuseWire.Sessions;

/// <content>
/// Polling before blocking (<see cref="FuseSessionOptions.SpinBeforeBlocking"/>). One idle worker at a time polls its
/// descriptor, yielding the CPU between polls, while a request arrived within the window; the others sleep in their reads as
/// usual. A yield that takes long means another thread ran on this CPU: if no request came of it, polling is taking a CPU
/// that something else wants, so the poller sleeps instead and no worker polls for a millisecond. On a machine whose CPUs are
/// all busy the session therefore serves as if polling were off.
/// </content>
public sealed partial class FuseSession
{
    /// <summary>A <c>sched_yield</c> that takes longer than this ran another thread.</summary>
    private const long YieldBudgetMicroseconds = 20;

    /// <summary>How long polling stays off once it was seen to take a CPU that another thread wanted.</summary>
    private const long PauseMicroseconds = 1000;

    private static readonly long YieldBudgetTicks = Stopwatch.Frequency * YieldBudgetMicroseconds / 1_000_000;
    private static readonly long PauseTicks = Stopwatch.Frequency * PauseMicroseconds / 1_000_000;

    private readonly long _spinTicks;
    private long _lastRequestAt;
    private long _spinPausedUntil;
    private int _spinning;
    private long _polledRequests;

    /// <summary>Requests found waiting by a worker's polling (written only by the one polling worker): what polling saved.</summary>
    internal long PolledRequests => Volatile.Read(ref _polledRequests);

    /// <summary>Notes that a request arrived, which keeps an idle worker polling for <see cref="FuseSessionOptions.SpinBeforeBlocking"/>.</summary>
    private void NoteRequest()
    {
        if (_spinTicks != 0)
        {
            Volatile.Write(ref _lastRequestAt, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Polls the worker's descriptor without sleeping while a request arrived within the spin window, unless another
    /// worker is polling or polling is paused; returns when a request is waiting (or the descriptor has hung up or failed), or
    /// when the window has passed, or when the CPU is wanted elsewhere.</summary>
    private void SpinUntilReadable(FuseTransport transport)
    {
        if (_spinTicks == 0 || transport.PollDescriptor < 0 || Stopwatch.GetTimestamp() < Volatile.Read(ref _spinPausedUntil)
            || Interlocked.CompareExchange(ref _spinning, 1, 0) != 0)
        {
            return;
        }

        try
        {
            while (Stopwatch.GetTimestamp() - Volatile.Read(ref _lastRequestAt) < _spinTicks)
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
