using System;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Client;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>One test's conversation: a real directory, a libfuse daemon serving it over a socketpair, and a
/// <see cref="FuseClient"/> playing the kernel, initialized, with strict reply checks.</summary>
public sealed class InteropConnection : IAsyncDisposable
{
    private InteropConnection(ScratchDirectory source, LibfuseDaemon daemon, FuseClient client)
    {
        Source = source;
        Daemon = daemon;
        Client = client;
    }

    /// <summary>The real directory behind the daemon.</summary>
    public ScratchDirectory Source { get; }

    /// <summary>The daemon.</summary>
    public LibfuseDaemon Daemon { get; }

    /// <summary>The kernel's side.</summary>
    public FuseClient Client { get; }

    /// <summary>Cancelled when the test's time is up.</summary>
    public CancellationToken Token => Daemon.Deadline;

    /// <summary>The negotiated protocol.</summary>
    public FuseProtocol Protocol => Client.Protocol;

    /// <summary>Fills a fresh directory with <paramref name="prepare"/>, starts the daemon on it, connects and sends INIT, then
    /// runs <paramref name="body"/>; failures carry the daemon's output. Everything is torn down in all cases.</summary>
    /// <param name="start">Starts the daemon on a directory.</param>
    /// <param name="prepare">Writes the real files the test starts from.</param>
    /// <param name="body">The test.</param>
    /// <param name="options">Client options (strict replies by default).</param>
    /// <returns>A task that completes when the test has.</returns>
    public static async Task RunAsync(Func<string, LibfuseDaemon> start, Action<ScratchDirectory>? prepare, Func<InteropConnection, Task> body, FuseClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(body);
        using ScratchDirectory source = new();
        prepare?.Invoke(source);
        using LibfuseDaemon daemon = start(source.Path);
        await daemon.RunAsync(async () =>
        {
            await using InteropConnection connection = new(source, daemon, new FuseClient(daemon.Transport, options ?? new FuseClientOptions { Strictness = FuseReplyStrictness.Strict }));
            _ = await connection.Client.InitAsync(daemon.Deadline);
            await body(connection);
        });
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
