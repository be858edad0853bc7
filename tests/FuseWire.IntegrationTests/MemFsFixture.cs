using System;

namespace FuseWire.IntegrationTests;

/// <summary>One MemFs mount (default options: 1 s caches, two workers) shared by the tests of the "MemFs" collection.</summary>
public sealed class MemFsFixture : IDisposable
{
    /// <summary>The mount.</summary>
    public MemFsMount Mount { get; } = new();

    /// <inheritdoc/>
    public void Dispose() => Mount.Dispose();
}
