using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Formatting;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Validation;

namespace MemFs;

/// <summary>
/// Prints each frame crossing a session, one line each, with <see cref="FuseFrameFormatter"/>. A reply is decoded with the
/// context of the request it answers, which the tracer remembers by unique between the two.
/// </summary>
internal sealed class FrameTracer(TextWriter output)
{
    private readonly ConcurrentDictionary<ulong, FuseReplyContext> _pending = new();
    private readonly object _writeLock = new();

    /// <summary>The session whose negotiated protocol decodes the frames (set once it exists).</summary>
    public FuseSession? Session { get; set; }

    public void Observe(ReadOnlySpan<byte> frame, bool fromKernel)
    {
        FuseProtocol protocol = Session?.Protocol ?? FuseProtocol.Initial;
        string line;
        if (fromKernel)
        {
            line = "> " + FormatRequest(frame, protocol);
        }
        else if (frame.Length >= FuseOutHeader.StructSize && MemoryMarshal.Read<FuseOutHeader>(frame).Unique == 0)
        {
            line = "< " + FuseFrameFormatter.FormatNotification(frame, protocol);
        }
        else if (frame.Length >= FuseOutHeader.StructSize && _pending.TryRemove(MemoryMarshal.Read<FuseOutHeader>(frame).Unique, out FuseReplyContext context))
        {
            line = "< " + FuseFrameFormatter.FormatReply(frame, context, protocol);
        }
        else
        {
            line = $"< <reply of {frame.Length} bytes to an unknown request>";
        }

        lock (_writeLock)
        {
            output.WriteLine(line);
        }
    }

    private string FormatRequest(ReadOnlySpan<byte> frame, in FuseProtocol protocol)
    {
        if (!FuseRequest.TryParse(frame, protocol, out FuseRequest request, out FuseProtocolError _))
        {
            return FuseFrameFormatter.FormatRequest(frame, protocol);
        }

        if (request.Opcode is not (FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.Interrupt or FuseOpcode.NotifyReply))
        {
            _pending[request.Unique] = FuseReplyContext.For(request);
        }

        return FuseFrameFormatter.FormatRequest(request);
    }
}
