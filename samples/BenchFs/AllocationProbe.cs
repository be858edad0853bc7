using System;
using System.Collections.Generic;
using System.Threading;

namespace BenchFs;

/// <summary>
/// Steady-state managed allocation per request, per worker thread: each worker samples
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> as it starts a request (every 256th, after warm-up); the bytes between its
/// <see cref="Warmup"/>-th request and its last one, over the requests in between, is what the hot path allocates.
/// </summary>
internal sealed class AllocationProbe
{
    [ThreadStatic]
    private static WorkerSample? t_sample;

    private readonly List<WorkerSample> _samples = [];

    /// <summary>After warm-up, a worker samples every this many requests (a power of two).</summary>
    private const long SampleInterval = 256;

    public AllocationProbe(long warmup) => Warmup = warmup;

    public long Warmup { get; }

    /// <summary>Called by a worker thread at the start of each request.</summary>
    public void OnRequest()
    {
        WorkerSample sample = t_sample ?? Register();
        long count = ++sample.Requests;
        if (count < Warmup || (count != Warmup && (count & (SampleInterval - 1)) != 0))
        {
            return;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread();
        if (count == Warmup)
        {
            sample.BaseBytes = allocated;
            sample.BaseRequests = count;
        }

        sample.LastBytes = allocated;
        sample.LastRequests = count;
    }

    /// <summary>Totals over the workers once they have stopped: measured requests and bytes allocated meanwhile.</summary>
    public (long Requests, long Bytes, int Workers) Totals()
    {
        long requests = 0, bytes = 0;
        lock (_samples)
        {
            foreach (WorkerSample sample in _samples)
            {
                if (sample.LastRequests > sample.BaseRequests)
                {
                    requests += sample.LastRequests - sample.BaseRequests;
                    bytes += sample.LastBytes - sample.BaseBytes;
                }
            }

            return (requests, bytes, _samples.Count);
        }
    }

    private WorkerSample Register()
    {
        WorkerSample sample = new();
        lock (_samples)
        {
            _samples.Add(sample);
        }

        t_sample = sample;
        return sample;
    }
}
