using System.Runtime.InteropServices;

namespace FuseWire.IntegrationTests;

/// <summary>poll(2), which .NET does not wrap for files.</summary>
internal static partial class NativePoll
{
    public const short PollIn = 0x1;
    public const short PollPri = 0x2;

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(ref PollFd fds, nuint count, int timeoutMilliseconds);
}
