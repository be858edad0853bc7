using System.ComponentModel;
using System.Runtime.InteropServices;

namespace FuseWire.Tests.Sessions;

/// <summary>A SOCK_SEQPACKET socketpair: one message per frame, as /dev/fuse reads one request per read.</summary>
internal static partial class SocketPair
{
    private const int AfUnix = 1;
    private const int SockSeqpacket = 5;
    private const int SockCloexec = 0x80000;

    public static (int First, int Second) Create()
    {
        int[] fds = new int[2];
        if (socketpair(AfUnix, SockSeqpacket | SockCloexec, 0, fds) != 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError());
        }

        return (fds[0], fds[1]);
    }

    [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA5392 // a test-only import; LibraryImport needs unsafe code in this project
    private static extern int socketpair(int domain, int type, int protocol, int[] fds);
#pragma warning restore SYSLIB1054, CA5392
}
