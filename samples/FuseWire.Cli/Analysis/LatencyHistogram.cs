using System;
using System.Numerics;

namespace FuseWire.Cli.Analysis;

/// <summary>
/// Latencies in log-linear buckets (64 per power of two, so a percentile is within 1/64 of the true value) with the exact maximum:
/// bounded memory whatever the transcript's length.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBits = 6;
    private const int Sub = 1 << SubBits;
    private readonly long[] _counts = new long[Sub + ((64 - SubBits) * Sub)];

    /// <summary>How many latencies were recorded.</summary>
    public long Count { get; private set; }

    /// <summary>The largest latency recorded (ns).</summary>
    public long Max { get; private set; }

    /// <summary>Records a latency.</summary>
    /// <param name="nanoseconds">The latency; a negative value (clock steps) counts as 0.</param>
    public void Record(long nanoseconds)
    {
        ulong value = nanoseconds < 0 ? 0 : (ulong)nanoseconds;
        _counts[BucketOf(value)]++;
        Count++;
        if ((long)value > Max)
        {
            Max = (long)value;
        }
    }

    /// <summary>The value at a percentile: the high end of the bucket holding it, at most the maximum (so the maximum itself for 100).</summary>
    /// <param name="percentile">0 to 100.</param>
    /// <returns>Nanoseconds; 0 when empty.</returns>
    public long Percentile(double percentile)
    {
        if (Count == 0)
        {
            return 0;
        }

        long rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        rank = Math.Clamp(rank, 1, Count);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return i + 1 == _counts.Length ? Max : Math.Min(LowOf(i + 1) - 1, Max);
            }
        }

        return Max;
    }

    private static int BucketOf(ulong value)
    {
        if (value < Sub)
        {
            return (int)value;
        }

        int log = 63 - BitOperations.LeadingZeroCount(value);
        int shift = log - SubBits;
        return Sub + (shift * Sub) + (int)((value >> shift) & (Sub - 1));
    }

    private static long LowOf(int bucket)
    {
        if (bucket < Sub)
        {
            return bucket;
        }

        int shift = (bucket - Sub) / Sub;
        long sub = (bucket - Sub) % Sub;
        return (Sub + sub) << shift;
    }
}
