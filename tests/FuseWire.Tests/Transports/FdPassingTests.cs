using System;
using System.IO;
using FuseWire.Interop;
using Xunit;

namespace FuseWire.Tests.Transports;

public class FdPassingTests
{
    [SkippableFact]
    public void A_descriptor_sent_with_SCM_RIGHTS_arrives_as_a_new_descriptor_on_the_same_file()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SCM_RIGHTS over AF_UNIX as on Linux.");
        string file = Path.GetTempFileName();
        (int left, int right) = SocketPair();
        int opened = LibC.Open(file, LibC.ORdWr | LibC.OCloExec);
        int received = -1;
        try
        {
            Assert.True(opened >= 0);
            FdPassing.Send(left, opened);
            received = FdPassing.Receive(right);

            Assert.True(received >= 0);
            Assert.NotEqual(opened, received);
            Assert.Equal(file, new FileInfo($"/proc/self/fd/{received}").LinkTarget);
            Assert.Equal(LibC.FdCloExec, LibC.Fcntl(received, LibC.FGetFd, 0) & LibC.FdCloExec);
        }
        finally
        {
            Close(opened, received, left, right);
            File.Delete(file);
        }
    }

    [SkippableFact]
    public void A_peer_that_closes_without_sending_gives_minus_one()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SCM_RIGHTS over AF_UNIX as on Linux.");
        (int left, int right) = SocketPair();
        try
        {
            _ = LibC.Close(left);
            left = -1;
            Assert.Equal(-1, FdPassing.Receive(right));
        }
        finally
        {
            Close(left, right);
        }
    }

    private static (int Left, int Right) SocketPair()
    {
        FdPassing.CreateSocketPair(out int left, out int right);
        return (left, right);
    }

    private static void Close(params int[] fds)
    {
        foreach (int fd in fds)
        {
            if (fd >= 0)
            {
                _ = LibC.Close(fd);
            }
        }
    }
}
