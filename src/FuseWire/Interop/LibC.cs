using System;
using System.Runtime.InteropServices;

namespace FuseWire.Interop;

/// <summary>The libc calls the /dev/fuse transport makes (Linux, 64-bit).</summary>
internal static unsafe partial class LibC
{
    internal const int ORdWr = 2;
    internal const int OCloExec = 0x80000;

    internal const int EPERM = 1;
    internal const int ENOENT = 2;
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;
    internal const int ENODEV = 19;
    internal const int EINVAL = 22;
    internal const int ENOTTY = 25;
    internal const int EPIPE = 32;
    internal const int ENOSYS = 38;
    internal const int ECONNABORTED = 103;
    internal const int ECONNRESET = 104;

    internal const nuint MsRdOnly = 1;
    internal const nuint MsNoSuid = 2;
    internal const nuint MsNoDev = 4;

    internal const int MntForce = 1;
    internal const int MntDetach = 2;

    internal const int AfUnix = 1;
    internal const int SockStream = 1;
    internal const int SockSeqPacket = 5;
    internal const int SockCloExec = 0x80000;

    internal const int SolSocket = 1;
    internal const int ScmRights = 1;
    internal const int MsgCmsgCloExec = 0x40000000;

    internal const int MsgDontWait = 0x40;

    internal const short PollIn = 1;

    internal const int MadvHugePage = 14;

    internal const int FGetFd = 1;
    internal const int FSetFd = 2;
    internal const int FdCloExec = 1;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(SafeFuseHandle fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(SafeFuseHandle fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(SafeFuseHandle fd, nuint request, ref int argument);

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Mount(string source, string target, string fileSystemType, nuint flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Umount2(string target, int flags);

    [LibraryImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    internal static partial int SocketPair(int domain, int type, int protocol, int* fds);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    internal static partial nint RecvMsg(int socket, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    internal static partial nint SendMsg(int socket, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    internal static partial int Madvise(void* address, nuint length, int advice);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEUid();

    [LibraryImport("libc", EntryPoint = "getegid")]
    internal static partial uint GetEGid();
}
