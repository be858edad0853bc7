using System;
using System.Globalization;
using System.IO;
using CommunityToolkit.HighPerformance.Buffers;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Formatting;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Demo;

/// <summary>
/// Plays both ends of a FUSE connection through two pooled buffers, one per direction: each frame is written into
/// <see cref="Kernel"/>'s or <see cref="Daemon"/>'s buffer, then decoded and validated as the other side would, and printed as one line.
/// </summary>
internal sealed class Transcript(TextWriter output) : IDisposable
{
    private readonly ArrayPoolBufferWriter<byte> _requests = new();
    private readonly ArrayPoolBufferWriter<byte> _replies = new();
    private readonly FuseOutstandingRequests _outstanding = new();
    private ulong _unique;

    public FuseProtocol Protocol { get; set; } = FuseProtocol.Initial;

    public int Frames { get; private set; }

    public int Invalid { get; private set; }

    public bool PrintHex { get; set; }

    /// <summary>The last request frame written.</summary>
    public ReadOnlySpan<byte> Request => _requests.WrittenSpan;

    /// <summary>Empties the kernel's buffer for the next request and returns it.</summary>
    public ArrayPoolBufferWriter<byte> Kernel()
    {
        _requests.Clear();
        return _requests;
    }

    /// <summary>Empties the daemon's buffer for the next reply or notification and returns it.</summary>
    public ArrayPoolBufferWriter<byte> Daemon()
    {
        _replies.Clear();
        return _replies;
    }

    /// <summary>A request header from uid/gid 1000, pid 4242, with the kernel's next unique (it counts in steps of 2).</summary>
    public FuseInHeader Header(FuseOpcode opcode, ulong nodeId) =>
        new() { Opcode = opcode, Unique = _unique += 2, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 4242 };

    /// <summary>Writes a request with a struct argument, then ends it.</summary>
    public FuseReplyContext Send<TArg>(FuseOpcode opcode, ulong nodeId, in TArg argument)
        where TArg : unmanaged
    {
        FuseRequestWriter.Write(Kernel(), Protocol, Header(opcode, nodeId), argument);
        return EndRequest();
    }

    /// <summary>Decodes the request in the kernel's buffer, records it as outstanding and prints it.</summary>
    public FuseReplyContext EndRequest()
    {
        ReadOnlySpan<byte> frame = _requests.WrittenSpan;
        FuseRequest request = FuseRequest.Parse(frame, Protocol);
        FuseReplyContext context = FuseReplyContext.For(request);
        if (!_outstanding.TryAdd(context))
        {
            Fail("unique " + context.Unique.ToString(CultureInfo.InvariantCulture) + " already outstanding");
        }

        Print("kernel → daemon", FuseFrameFormatter.FormatRequest(request), frame);
        return context;
    }

    /// <summary>Validates the reply or notification in the daemon's buffer against the outstanding requests, decodes it and prints it.</summary>
    public void EndReply()
    {
        ReadOnlySpan<byte> frame = _replies.WrittenSpan;
        FuseValidationResult result = FuseReplyValidator.ValidateIncoming(frame, _outstanding, Protocol, FuseReplyStrictness.Strict, out FuseReplyContext context);
        if (!result.IsValid)
        {
            Fail(result.Error.ToString());
            return;
        }

        string text = context.Unique == 0
            ? FuseFrameFormatter.FormatNotification(FuseNotification.Parse(frame, Protocol))
            : FuseFrameFormatter.FormatReply(FuseReply.Parse(frame, context, Protocol, FuseReplyStrictness.Strict), context);
        Print("daemon → kernel", text, frame);
    }

    public void Dispose()
    {
        _requests.Dispose();
        _replies.Dispose();
    }

    private void Print(string direction, string text, ReadOnlySpan<byte> frame)
    {
        Frames++;
        output.WriteLine($"{Frames,2}  {direction}  {text}");
        if (PrintHex)
        {
            PrintHex = false;
            HexDump.Write(output, frame);
        }
    }

    private void Fail(string message)
    {
        Invalid++;
        output.WriteLine("    INVALID: " + message);
    }
}
