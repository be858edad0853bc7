using System;

namespace MemFs;

/// <summary>A timestamp as FUSE carries it: seconds and nanoseconds since the Unix epoch.</summary>
internal readonly record struct MemTime(ulong Seconds, uint Nanoseconds)
{
    public static MemTime From(DateTimeOffset time)
    {
        long ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new MemTime((ulong)(ticks / TimeSpan.TicksPerSecond), (uint)(ticks % TimeSpan.TicksPerSecond * 100));
    }
}
