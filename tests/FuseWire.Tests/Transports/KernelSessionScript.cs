using System;
using System.Buffers;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>Reads and answers kernel requests from a test, every blocking read bounded in time.</summary>
internal static class KernelSessionScript
{
    internal const uint MaxWrite = 128 * 1024;

    /// <summary>A buffer big enough for any request at <see cref="MaxWrite"/>.</summary>
    internal static byte[] NewBuffer() => new byte[FuseProtocol.DefaultMaxFrameLength];

    /// <summary>Reads one frame on a worker thread; fails the test when nothing arrives within <paramref name="timeout"/>.</summary>
    internal static (FuseReadStatus Status, int Length) ReadWithin(FuseDevice device, byte[] buffer, TimeSpan timeout)
    {
        Task<(FuseReadStatus, int)> read = StartRead(device, buffer);
        Assert.True(read.Wait(timeout), $"No frame from /dev/fuse within {timeout.TotalSeconds} s.");
        return read.Result;
    }

    internal static Task<(FuseReadStatus, int)> StartRead(FuseDevice device, byte[] buffer) =>
        Task.Factory.StartNew(
            () =>
            {
                FuseReadStatus status = device.Read(buffer, out int length);
                return (status, length);
            },
            TaskCreationOptions.LongRunning);

    /// <summary>Reads the kernel's FUSE_INIT and returns its unique and argument.</summary>
    internal static (ulong Unique, FuseInitIn Init) ReadInit(FuseDevice device, byte[] buffer)
    {
        (FuseReadStatus status, int length) = ReadWithin(device, buffer, KernelFuse.Timeout);
        Assert.Equal(FuseReadStatus.Frame, status);
        FuseRequest request = FuseRequest.Parse(buffer.AsSpan(0, length), FuseProtocol.Initial);
        Assert.Equal(FuseOpcode.Init, request.Opcode);
        return (request.Unique, request.GetArgument<FuseInitIn>());
    }

    /// <summary>Answers INIT with the kernel's minor (at most 7.45), no flags, 128 KiB max_write.</summary>
    internal static FuseProtocol AnswerInit(FuseDevice device, ulong unique, in FuseInitIn init)
    {
        uint minor = Math.Min(init.Minor, FuseConstants.KernelMinorVersion);
        FuseInitOut reply = new()
        {
            Major = FuseConstants.KernelVersion,
            Minor = minor,
            MaxReadahead = init.MaxReadahead,
            MaxWrite = MaxWrite,
            MaxBackground = 16,
            CongestionThreshold = 12,
            TimeGran = 1,
        };
        ArrayBufferWriter<byte> output = new();
        FuseReplyWriter.WriteInit(output, unique, reply);
        Assert.Equal(0, device.Write(output.WrittenSpan));
        return new FuseProtocol(minor, 0);
    }

    /// <summary>Reads INIT and answers it.</summary>
    internal static FuseProtocol Handshake(FuseDevice device, byte[] buffer)
    {
        (ulong unique, FuseInitIn init) = ReadInit(device, buffer);
        return AnswerInit(device, unique, init);
    }
}
