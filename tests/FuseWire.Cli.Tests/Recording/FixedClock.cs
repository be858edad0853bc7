using System;

namespace FuseWire.Cli.Tests.Recording;

/// <summary>A clock stopped at one instant, so that the file system's timestamps in a recorded transcript are the same on every run.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Instant;
}
