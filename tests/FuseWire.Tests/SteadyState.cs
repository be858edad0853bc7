using System;

namespace FuseWire.Tests;

/// <summary>Measures what a piece of work allocates on the calling thread once warm.</summary>
internal static class SteadyState
{
    /// <summary>
    /// Runs <paramref name="round"/> <paramref name="warmup"/> times, then up to <paramref name="windows"/> windows of
    /// <paramref name="rounds"/> rounds, stopping at the first window that allocates nothing.
    /// </summary>
    /// <remarks>Steady state means some whole window allocates nothing: an early window may still meet the runtime's one-off
    /// costs on this thread (tiered JIT promotions while the suite runs tests in parallel), which are not per round, while an
    /// allocation per round shows in every window.</remarks>
    /// <returns>The fewest bytes any window allocated: 0 when the work allocates nothing per round.</returns>
    public static long LeastAllocated(Action round, int warmup, int rounds, int windows = 4)
    {
        for (int i = 0; i < warmup; i++)
        {
            round();
        }

        long least = long.MaxValue;
        for (int window = 0; window < windows && least != 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < rounds; i++)
            {
                round();
            }

            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
