using System;

namespace MemFs;

/// <summary>How a <see cref="MemFileSystem"/> answers: cache timeouts, open flags, the clock and the root's owner.</summary>
public sealed record MemFileSystemOptions
{
    /// <summary>How long the kernel may cache a name (entry_valid); 1 s by default.</summary>
    public TimeSpan EntryTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the kernel may cache attributes (attr_valid); 1 s by default.</summary>
    public TimeSpan AttributeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether OPEN answers FOPEN_KEEP_CACHE (keep the page cache across opens); true by default.</summary>
    public bool KeepCache { get; init; } = true;

    /// <summary>The clock for timestamps.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The root directory's owner; null for this process's effective uid.</summary>
    public uint? RootUid { get; init; }

    /// <summary>The root directory's group; null for this process's effective gid.</summary>
    public uint? RootGid { get; init; }

    /// <summary>The root directory's permission bits.</summary>
    public uint RootPermissions { get; init; } = 0x1ED; // 0755
}
