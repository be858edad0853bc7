using System;
using System.IO;
using System.Runtime.InteropServices;

namespace FuseWire.Interop;

/// <summary>Sends and receives one file descriptor over a Unix socket (<c>SCM_RIGHTS</c>), as fusermount does.</summary>
internal static unsafe class FdPassing
{
    /// <summary>Creates a connected pair of close-on-exec Unix stream sockets.</summary>
    /// <param name="left">One end.</param>
    /// <param name="right">The other end.</param>
    internal static void CreateSocketPair(out int left, out int right)
    {
        int* pair = stackalloc int[2];
        if (LibC.SocketPair(LibC.AfUnix, LibC.SockStream | LibC.SockCloExec, 0, pair) != 0)
        {
            throw Errors.IO("socketpair", Marshal.GetLastPInvokeError());
        }

        left = pair[0];
        right = pair[1];
    }

    /// <summary>Sends <paramref name="fd"/> with a one-byte payload, as fusermount's <c>send_fd</c>.</summary>
    /// <param name="socket">A connected Unix socket.</param>
    /// <param name="fd">The descriptor to pass.</param>
    internal static void Send(int socket, int fd)
    {
        byte payload = 0;
        byte* control = stackalloc byte[CMsgHdr.SpaceForOneFd];
        new Span<byte>(control, CMsgHdr.SpaceForOneFd).Clear();
        CMsgHdr* header = (CMsgHdr*)control;
        header->Length = CMsgHdr.LengthForOneFd;
        header->Level = LibC.SolSocket;
        header->Type = LibC.ScmRights;
        *(int*)(control + CMsgHdr.StructSize) = fd;
        IoVec iov = new() { Base = &payload, Length = 1 };
        MsgHdr message = new() { Iov = &iov, IovLength = 1, Control = control, ControlLength = CMsgHdr.SpaceForOneFd };
        nint sent;
        do
        {
            sent = LibC.SendMsg(socket, &message, 0);
        }
        while (sent < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);

        if (sent < 0)
        {
            throw Errors.IO("sendmsg(SCM_RIGHTS)", Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>Waits until <paramref name="socket"/> has data or end-of-file to read.</summary>
    /// <param name="socket">The socket.</param>
    /// <param name="timeoutMilliseconds">How long to wait.</param>
    /// <returns>True when a read would not block.</returns>
    internal static bool WaitReadable(int socket, int timeoutMilliseconds)
    {
        PollFd poll = new() { Fd = socket, Events = LibC.PollIn };
        int ready = LibC.Poll(&poll, 1, timeoutMilliseconds);
        if (ready < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno == LibC.EINTR ? false : throw Errors.IO("poll", errno);
        }

        return ready > 0;
    }

    /// <summary>Receives one descriptor, as libfuse's <c>receive_fd</c>; the received descriptor is close-on-exec.</summary>
    /// <param name="socket">A connected Unix socket.</param>
    /// <param name="dontWait">Return -1 instead of blocking when nothing is there.</param>
    /// <returns>The descriptor, or -1 when the peer closed the socket without sending one.</returns>
    internal static int Receive(int socket, bool dontWait = false)
    {
        byte payload = 0;
        byte* control = stackalloc byte[CMsgHdr.SpaceForOneFd];
        new Span<byte>(control, CMsgHdr.SpaceForOneFd).Clear();
        IoVec iov = new() { Base = &payload, Length = 1 };
        MsgHdr message = new() { Iov = &iov, IovLength = 1, Control = control, ControlLength = CMsgHdr.SpaceForOneFd };
        nint received;
        do
        {
            received = LibC.RecvMsg(socket, &message, LibC.MsgCmsgCloExec | (dontWait ? LibC.MsgDontWait : 0));
        }
        while (received < 0 && Marshal.GetLastPInvokeError() == LibC.EINTR);

        if (received < 0 && dontWait && Marshal.GetLastPInvokeError() == LibC.EAGAIN)
        {
            return -1;
        }

        if (received < 0)
        {
            throw Errors.IO("recvmsg(SCM_RIGHTS)", Marshal.GetLastPInvokeError());
        }

        if (received == 0 || message.ControlLength < CMsgHdr.LengthForOneFd)
        {
            return -1;
        }

        CMsgHdr* header = (CMsgHdr*)control;
        if (header->Level != LibC.SolSocket || header->Type != LibC.ScmRights || header->Length < CMsgHdr.LengthForOneFd)
        {
            throw new IOException($"recvmsg: unexpected control message (level {header->Level}, type {header->Type}).");
        }

        return *(int*)(control + CMsgHdr.StructSize);
    }
}
