using System;
using MemFs;

namespace FuseWire.IntegrationTests;

/// <summary>A MemFs mount whose names and attributes the kernel may cache for an hour, so only notifications refresh them.</summary>
public sealed class NotificationFixture : IDisposable
{
    /// <summary>The mount.</summary>
    public MemFsMount Mount { get; } = new(new MemFileSystemOptions
    {
        EntryTimeout = TimeSpan.FromHours(1),
        AttributeTimeout = TimeSpan.FromHours(1),
        KeepCache = true,
    });

    /// <inheritdoc/>
    public void Dispose() => Mount.Dispose();
}
