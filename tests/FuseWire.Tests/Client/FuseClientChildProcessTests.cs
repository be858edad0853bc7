using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Client;
using FuseWire.Protocol;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Client;

/// <summary>The daemon is a real child process holding the other end; killing it mid-request fails every pending request in bounded time.</summary>
[Collection(nameof(ClientSerialCollection))]
public sealed partial class FuseClientChildProcessTests
{
    private const int FSetFd = 2;

    [Fact]
    public async Task KillingTheChildThatHoldsTheDaemonsEnd_FailsPendingRequests()
    {
        (Socket kernelSocket, Socket daemonSocket) = FuseSocketTransport.CreateSocketPair(SocketType.Seqpacket);
        Process? child = null;
        try
        {
            // The child (sleep) inherits the daemon's end; ours is closed, so only the child keeps the connection open.
            if (fcntl((int)daemonSocket.Handle, FSetFd, 0) != 0)
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError());
            }

            child = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false });
            Assert.NotNull(child);
            daemonSocket.Dispose();

            await using FuseClient client = new(new FuseSocketTransport(kernelSocket));
            Task<FuseProtocol> init = client.InitAsync().AsTask();
            Task<FuseAttrOut> getattr = client.GetAttrAsync(1).AsTask();
            await Task.Delay(100);
            Assert.False(init.IsCompleted);
            Assert.False(getattr.IsCompleted);
            Assert.True(client.IsConnected);

            child.Kill();
            Assert.True(child.WaitForExit(ClientHarness.Timeout));
            await Assert.ThrowsAsync<FuseConnectionClosedException>(() => init.WaitAsync(ClientHarness.Timeout));
            await Assert.ThrowsAsync<FuseConnectionClosedException>(() => getattr.WaitAsync(ClientHarness.Timeout));
            Assert.True(SpinWait.SpinUntil(() => !client.IsReaderAlive, ClientHarness.Timeout), "the reader thread is still running");
        }
        finally
        {
            if (child is { HasExited: false })
            {
                child.Kill();
            }

            child?.Dispose();
            daemonSocket.Dispose();
        }
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA5392 // a test-only import; LibraryImport needs unsafe code in this project
    private static extern int fcntl(int fd, int command, int argument);
#pragma warning restore SYSLIB1054, CA5392
}
