using System.Runtime.InteropServices;

namespace FuseWire.Cli.Trace;

/// <summary>The descriptor call the daemon's start needs: clear close-on-exec on its end.</summary>
internal static class NativeMethods
{
    private const int FGetFd = 1;
    private const int FSetFd = 2;
    private const int FdCloExec = 1;

    /// <summary>Clears FD_CLOEXEC so that the next child inherits <paramref name="fd"/>; false on failure.</summary>
    public static bool ClearCloseOnExec(int fd)
    {
        int flags = Fcntl(fd, FGetFd, 0);
        return flags >= 0 && Fcntl(fd, FSetFd, flags & ~FdCloExec) == 0;
    }

#pragma warning disable SYSLIB1054, CA5392 // LibraryImport needs unsafe code, which this tool does not enable; both signatures are blittable
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);
#pragma warning restore SYSLIB1054, CA5392
}
