using System;
using FuseWire.Sessions;
using MemFs;

namespace FuseWire.Fuzzing;

/// <summary>
/// The <c>session</c> target: a daemon session serving MemFs, fed the input's frames by a <see cref="FrameTransport"/> (see its
/// framing). Every reply is checked against its request; a handler exception, an invalid reply or a frame that makes the session
/// allocate more than 16 times its size plus <see cref="FrameTransport.FrameSlack"/> is a crash.
/// </summary>
public static class SessionTarget
{
    private static readonly MemFileSystemOptions FileSystemOptions = new() { RootUid = 0, RootGid = 0 };

    /// <summary>Runs one input.</summary>
    /// <param name="input">The fuzz input.</param>
    /// <exception cref="FuzzContractException">The session broke a contract.</exception>
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (!RunOnce(input))
        {
            _ = RunOnce(input, retry: true);
        }
    }

    private static bool RunOnce(ReadOnlySpan<byte> input, bool retry = false)
    {
        using FrameTransport transport = new(input);
        Exception? handlerException = null;
        FuseSessionOptions options = new()
        {
            MaxWrite = 4096,
            OnHandlerException = e => handlerException ??= e,
        };
        FuseSession session = new(transport, new MemFileSystem(FileSystemOptions), options);
        transport.Session = session;
        session.Run();
        if (transport.FailedOnAllocation && !retry)
        {
            return false;
        }

        if (transport.Failure is not null)
        {
            throw transport.Failure;
        }

        if (handlerException is not null)
        {
            throw new FuzzContractException("session: a MemFs handler threw.", handlerException);
        }

        return true;
    }
}
