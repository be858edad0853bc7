using System;
using System.Buffers;
using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>Serves a filesystem that is one empty root directory: GETATTR of node 1 gets <see cref="Mode"/>, everything else ENOSYS/ENOENT.</summary>
internal sealed class RootAttributeServer(FuseDevice device, FuseProtocol protocol, uint mode)
{
    internal uint Mode { get; } = mode;

    internal List<FuseOpcode> Seen { get; } = [];

    /// <summary>Answers requests until a GETATTR of the root has been answered or <paramref name="maxRequests"/> were read.</summary>
    internal void ServeUntilGetattr(byte[] buffer, int maxRequests = 16)
    {
        for (int i = 0; i < maxRequests; i++)
        {
            (FuseReadStatus status, int length) = KernelSessionScript.ReadWithin(device, buffer, KernelFuse.Timeout);
            Assert.Equal(FuseReadStatus.Frame, status);
            FuseRequest request = FuseRequest.Parse(buffer.AsSpan(0, length), protocol);
            Seen.Add(request.Opcode);
            ArrayBufferWriter<byte> output = new();
            switch (request.Opcode)
            {
                case FuseOpcode.Getattr when request.NodeId == FuseConstants.RootId:
                    FuseAttrOut attr = new()
                    {
                        AttrValid = 0,
                        Attr = new FuseAttr { Ino = FuseConstants.RootId, Mode = Mode, NLink = 2, BlkSize = 4096 },
                    };
                    FuseReplyWriter.WriteAttr(output, protocol, request.Unique, attr);
                    Assert.Equal(0, device.Write(output.WrittenSpan));
                    return;
                case FuseOpcode.Lookup:
                    FuseReplyWriter.WriteError(output, request.Unique, Errno.ENOENT);
                    break;
                case FuseOpcode.Forget or FuseOpcode.BatchForget:
                    continue;
                default:
                    FuseReplyWriter.WriteError(output, request.Unique, Errno.ENOSYS);
                    break;
            }

            Assert.Equal(0, device.Write(output.WrittenSpan));
        }

        Assert.Fail($"No GETATTR of the root among {string.Join(", ", Seen)}.");
    }
}
