using Xunit;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// The tests that start real libfuse daemons over a socketpair. They run one at a time: the daemon's socket end is made
/// inheritable just before its process starts, and a process started meanwhile by another test would inherit it too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InteropCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Interop";
}
