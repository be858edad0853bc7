using System;
using FuseWire.Abi;
using FuseWire.Sessions;
using MemFs;

namespace FuseWire.IntegrationTests;

/// <summary>
/// A MemFs mount that always lists with READDIRPLUS (READDIRPLUS_AUTO not negotiated) and lets the kernel cache names and
/// attributes for an hour, so the lookups a listing gives can be counted exactly.
/// </summary>
public sealed class ReaddirplusFixture : IDisposable
{
    /// <summary>The mount.</summary>
    public MemFsMount Mount { get; } = new(
        new MemFileSystemOptions { EntryTimeout = TimeSpan.FromHours(1), AttributeTimeout = TimeSpan.FromHours(1) },
        wantedFlags: FuseSessionOptions.DefaultFlags & ~FuseInitFlags.ReaddirplusAuto);

    /// <inheritdoc/>
    public void Dispose() => Mount.Dispose();
}
