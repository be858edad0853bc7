using System.Threading;

namespace FuseWire.Sessions;

/// <summary>
/// FUSE_INTERRUPTs whose request no worker was serving when they arrived: at most <see cref="Capacity"/> (target unique,
/// interrupt unique) pairs, oldest first, in fixed arrays (nothing allocated per interrupt).
/// </summary>
internal sealed class FusePendingInterrupts
{
    /// <summary>How many interrupts are kept; adding one more evicts the oldest, which is then answered EAGAIN.</summary>
    public const int Capacity = 16;

    private readonly Lock _lock = new();
    private readonly ulong[] _targets = new ulong[Capacity];
    private readonly ulong[] _interrupts = new ulong[Capacity];
    private int _count;

    /// <summary>How many are pending; read without the lock on every request, so kept volatile.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Remembers an interrupt.</summary>
    /// <param name="target">The unique of the request to interrupt.</param>
    /// <param name="interrupt">The INTERRUPT's own unique (what an EAGAIN answer carries).</param>
    /// <returns>The interrupt unique of the entry evicted to make room, or 0.</returns>
    public ulong Add(ulong target, ulong interrupt)
    {
        lock (_lock)
        {
            ulong evicted = 0;
            if (_count == Capacity)
            {
                evicted = RemoveAt(0);
            }

            _targets[_count] = target;
            _interrupts[_count] = interrupt;
            Interlocked.Increment(ref _count); // a full fence: the scan of the workers that follows is not moved before it
            return evicted;
        }
    }

    /// <summary>Takes the interrupt aimed at <paramref name="target"/>, if one is pending.</summary>
    /// <param name="target">A request's unique.</param>
    /// <returns>Whether one was pending.</returns>
    public bool TryTake(ulong target)
    {
        lock (_lock)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_targets[i] == target)
                {
                    _ = RemoveAt(i);
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Takes the oldest pending interrupt.</summary>
    /// <returns>Its interrupt unique, or 0 when none is pending.</returns>
    public ulong TakeOldest()
    {
        lock (_lock)
        {
            return _count == 0 ? 0 : RemoveAt(0);
        }
    }

    private ulong RemoveAt(int index)
    {
        ulong interrupt = _interrupts[index];
        for (int i = index + 1; i < _count; i++)
        {
            _targets[i - 1] = _targets[i];
            _interrupts[i - 1] = _interrupts[i];
        }

        Volatile.Write(ref _count, _count - 1);
        return interrupt;
    }
}
