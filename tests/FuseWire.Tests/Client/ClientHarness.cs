using System;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Sessions;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>
/// Both roles of the library over one SOCK_SEQPACKET socketpair: a <see cref="FuseSession"/> serving a file system on one end and a
/// <see cref="FuseClient"/> playing the kernel on the other. Disposing ends the client, which ends the session; both are waited for (bounded).
/// </summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public ClientHarness(FuseFileSystem fileSystem, FuseClientOptions? clientOptions = null, FuseSessionOptions? sessionOptions = null)
    {
        (FuseSocketTransport kernel, FuseSocketTransport daemon) = FuseSocketTransport.CreatePair();
        Daemon = daemon;
        Session = new FuseSession(daemon, fileSystem, sessionOptions ?? new FuseSessionOptions { WantedFlags = FuseSessionOptions.DefaultFlags | FuseInitFlags.DoReaddirplus });
        Running = Session.RunAsync();
        Client = new FuseClient(kernel, clientOptions);
    }

    public FuseClient Client { get; }

    public FuseSession Session { get; }

    public FuseSocketTransport Daemon { get; }

    public Task Running { get; }

    public static async Task<ClientHarness> StartAsync(FuseFileSystem fileSystem, FuseClientOptions? clientOptions = null, FuseSessionOptions? sessionOptions = null)
    {
        ClientHarness harness = new(fileSystem, clientOptions, sessionOptions);
        _ = await harness.Client.InitAsync().AsTask().WaitAsync(Timeout);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Running.WaitAsync(Timeout);
        Daemon.Dispose();
    }
}
