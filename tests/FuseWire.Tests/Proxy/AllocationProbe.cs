using System;
using FuseWire.Proxy;

namespace FuseWire.Tests.Proxy;

/// <summary>An observer that records, per direction, the bytes allocated so far on the pump thread that shows it each frame.</summary>
internal sealed class AllocationProbe
{
    private readonly long[] _requests;
    private readonly long[] _replies;
    private int _requestCount;
    private int _replyCount;

    public AllocationProbe(int capacity)
    {
        _requests = new long[capacity];
        _replies = new long[capacity];
    }

    public void Observe(in FuseProxyFrame frame)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        if (frame.Direction == FuseProxyDirection.Request)
        {
            if (_requestCount < _requests.Length)
            {
                _requests[_requestCount++] = allocated;
            }
        }
        else if (_replyCount < _replies.Length)
        {
            _replies[_replyCount++] = allocated;
        }
    }

    public long AllocatedBetween(FuseProxyDirection direction, int first, int last)
    {
        long[] samples = direction == FuseProxyDirection.Request ? _requests : _replies;
        return samples[last] - samples[first];
    }
}
