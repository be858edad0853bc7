using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>The tests that share one MemFs mount.</summary>
[CollectionDefinition(Name)]
public sealed class MemFsCollection : ICollectionFixture<MemFsFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "MemFs";
}
