using System.Runtime.InteropServices;

namespace FuseWire.IntegrationTests;

/// <summary>poll(2)'s <c>struct pollfd</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PollFd
{
    public int Fd;
    public short Events;
    public short REvents;
}
