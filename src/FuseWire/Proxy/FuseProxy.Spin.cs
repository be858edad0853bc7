using System.Diagnostics;
using System.Threading;
using FuseWire.Transports;

namespace FuseWire.Proxy;

/// <content>Polling before blocking (<see cref="FuseProxyOptions.SpinBeforeBlocking"/>).</content>
public sealed partial class FuseProxy
{
    private readonly long _spinTicks;
    private long _lastFrameAt;

    /// <summary>Notes that a frame went through, which keeps both pumps polling for <see cref="FuseProxyOptions.SpinBeforeBlocking"/>.</summary>
    private void NoteActivity()
    {
        if (_spinTicks != 0)
        {
            Volatile.Write(ref _lastFrameAt, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Polls <paramref name="transport"/> without sleeping while a frame went through either way within the spin window;
    /// returns when a frame is waiting (or the descriptor has hung up or failed), or when the window has passed.</summary>
    private void SpinUntilReadable(FuseTransport transport)
    {
        if (_spinTicks == 0 || transport.PollDescriptor < 0)
        {
            return;
        }

        while (Stopwatch.GetTimestamp() - Volatile.Read(ref _lastFrameAt) < _spinTicks)
        {
            if (transport.PollReadable())
            {
                return; // readable, hung up, failed, or poll itself failed: the blocking read that follows tells which
            }

            Thread.Yield(); // let the daemon or the kernel's caller run on this CPU if they are waiting for it
        }
    }
}
