using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>
/// Tests that must run alone: one makes a descriptor inheritable for a moment (it must not leak into other tests' child processes), one counts
/// every byte the process allocates.
/// </summary>
[CollectionDefinition(nameof(ClientSerialCollection), DisableParallelization = true)]
public sealed class ClientSerialCollection
{
}
