using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transcripts;
using FuseWire.Validation;

namespace FuseWire.Cli.Analysis;

/// <summary>
/// Follows the connections of a transcript frame by frame: decodes each request and reply at the protocol the connection's INIT exchange
/// negotiated, pairs replies with their requests, measures latencies and validates, as the kernel and the daemon would. Not thread-safe;
/// allocates nothing per frame in steady state (the tables grow with the number of outstanding requests).
/// </summary>
internal sealed class TranscriptAnalyzer
{
    private readonly List<ConnectionState?> _connections = [];
    private readonly FuseProtocol _initial;
    private readonly FuseReplyStrictness _strictness;
    private FuseReplyContext _context;

    /// <summary>Creates an analyzer.</summary>
    /// <param name="initialMinor">The minor assumed until an INIT exchange is seen (for transcripts that start after INIT).</param>
    /// <param name="strictness">Whether a long reply is an error or a warning.</param>
    public TranscriptAnalyzer(uint initialMinor, FuseReplyStrictness strictness)
    {
        _initial = FuseProtocol.Latest with { Minor = initialMinor, MaxFrameLength = uint.MaxValue };
        _strictness = strictness;
    }

    /// <summary>The connections seen so far, by interface id (null for ids not used).</summary>
    public IReadOnlyList<ConnectionState?> Connections => _connections;

    /// <summary>Decodes and checks one frame.</summary>
    /// <param name="frame">The captured bytes.</param>
    /// <param name="originalLength">The length on the wire.</param>
    /// <param name="direction">The direction the transcript states (or the reader guessed).</param>
    /// <param name="guessed">Whether the direction was guessed.</param>
    /// <param name="index">The frame's index in the file.</param>
    /// <param name="timestamp">The capture time in ns.</param>
    /// <param name="interfaceId">The connection.</param>
    /// <param name="result">The analysis.</param>
    public void Analyze(
        ReadOnlySpan<byte> frame, int originalLength, FuseFrameDirection direction, bool guessed, long index, long timestamp, int interfaceId, out AnalyzedFrame result)
    {
        result = default;
        result.Index = index;
        result.TimestampNanoseconds = timestamp;
        result.InterfaceId = interfaceId;
        result.DirectionGuessed = guessed;
        result.Frame = frame;
        result.OriginalLength = originalLength;
        result.LatencyNanoseconds = -1;

        ConnectionState connection = GetConnection(interfaceId);
        result.Protocol = connection.Protocol;
        switch (direction)
        {
            case FuseFrameDirection.Request:
                result.Kind = FrameKind.Request;
                AnalyzeRequest(connection, ref result);
                break;
            case FuseFrameDirection.Reply:
                AnalyzeReply(connection, ref result);
                break;
            default:
                result.Kind = FrameKind.Unknown;
                break;
        }
    }

    private ConnectionState GetConnection(int interfaceId)
    {
        if ((uint)interfaceId < (uint)_connections.Count && _connections[interfaceId] is { } known)
        {
            return known;
        }

        while (_connections.Count <= interfaceId)
        {
            _connections.Add(null);
        }

        var created = new ConnectionState(_initial);
        _connections[interfaceId] = created;
        return created;
    }

    private static void AnalyzeRequest(ConnectionState connection, ref AnalyzedFrame result)
    {
        ReadOnlySpan<byte> frame = result.Frame;
        if (frame.Length >= FuseInHeader.StructSize)
        {
            ref readonly FuseInHeader header = ref MemoryMarshal.AsRef<FuseInHeader>(frame);
            result.Opcode = header.Opcode;
            result.Unique = header.Unique;
        }

        FuseReplyContext context;
        if (result.IsTruncated)
        {
            // The payload was cut on purpose: the header still says which request this is, so its reply can be paired.
            context = new FuseReplyContext(result.Opcode, result.Unique);
        }
        else if (FuseRequest.TryParse(frame, connection.Protocol, out result.Request, out result.Error))
        {
            result.Decoded = true;
            context = FuseReplyContext.For(result.Request);
            if (result.Opcode == FuseOpcode.Init)
            {
                ReadOnlySpan<byte> arg = result.Request.Argument;
                connection.KernelMinor = MemoryMarshal.Read<uint>(arg[4..]);
                uint flags = MemoryMarshal.Read<uint>(arg[12..]);
                uint flags2 = arg.Length >= 20 ? MemoryMarshal.Read<uint>(arg[16..]) : 0;
                connection.OfferedFlags = Combine(flags, flags2);
            }
        }
        else
        {
            context = new FuseReplyContext(result.Opcode, result.Unique);
        }

        if (result.Unique != 0 && connection.Outstanding.TryAdd(context) && !IsNoReply(result.Opcode))
        {
            connection.StartTimes[result.Unique] = result.TimestampNanoseconds;
        }
    }

    private void AnalyzeReply(ConnectionState connection, ref AnalyzedFrame result)
    {
        ReadOnlySpan<byte> frame = result.Frame;
        if (frame.Length < FuseOutHeader.StructSize || (!result.IsTruncated && MemoryMarshal.Read<uint>(frame) != (uint)frame.Length))
        {
            // A framing error: the validator reports it without retiring anything, as the kernel does.
            result.Kind = FrameKind.Reply;
            FuseValidationResult framing = FuseReplyValidator.ValidateIncoming(frame, connection.Outstanding, connection.Protocol, _strictness, out _);
            result.Error = framing.Error;
            if (frame.Length >= FuseOutHeader.StructSize)
            {
                result.Unique = MemoryMarshal.Read<ulong>(frame[8..]);
            }

            return;
        }

        ref readonly FuseOutHeader header = ref MemoryMarshal.AsRef<FuseOutHeader>(frame);
        result.Unique = header.Unique;
        result.Errno = -header.Error;
        if (header.Unique == 0)
        {
            result.Kind = FrameKind.Notification;
            result.Errno = header.Error;
            if (!result.IsTruncated)
            {
                result.Decoded = FuseNotification.TryParse(frame, connection.Protocol, out result.Notification, out result.Error);
            }

            return;
        }

        result.Kind = FrameKind.Reply;
        bool matched = connection.Outstanding.TryTake(header.Unique, out _context, out FuseProtocolRule rule);
        result.Context = _context;
        if (!matched)
        {
            result.Opcode = result.Context.Opcode;
            result.Error = new FuseProtocolError(rule, result.Context.Opcode, header.Unique, 8, (long)header.Unique, 0);
            return;
        }

        result.Opcode = result.Context.Opcode;
        if (connection.StartTimes.Remove(header.Unique, out long started))
        {
            result.LatencyNanoseconds = result.TimestampNanoseconds - started;
        }

        if (result.IsTruncated)
        {
            return;
        }

        result.Decoded = FuseReply.TryParse(frame, _context, connection.Protocol, _strictness, out result.Reply, out FuseValidationResult validation);
        result.Error = validation.Error;
        result.Warning = validation.Warning;
        if (result.Decoded && result.Opcode == FuseOpcode.Init && header.Error == 0)
        {
            Negotiate(connection, result.Reply.Argument);
            result.Protocol = connection.Protocol;
        }
    }

    private static void Negotiate(ConnectionState connection, ReadOnlySpan<byte> initOut)
    {
        uint daemonMinor = MemoryMarshal.Read<uint>(initOut[4..]);
        uint flags = initOut.Length >= 16 ? MemoryMarshal.Read<uint>(initOut[12..]) : 0;
        uint maxWrite = initOut.Length >= 24 ? MemoryMarshal.Read<uint>(initOut[20..]) : 0;
        uint flags2 = initOut.Length >= 40 ? MemoryMarshal.Read<uint>(initOut[36..]) : 0;
        uint kernelMinor = connection.KernelMinor == 0 ? FuseConstants.KernelMinorVersion : connection.KernelMinor;
        FuseInitFlags offered = connection.KernelMinor == 0 ? Combine(flags, flags2) : connection.OfferedFlags;
        uint minor = Math.Min(kernelMinor, daemonMinor);

        // The largest frame is a WRITE of max_write bytes behind its headers; never below the library's default.
        uint maxFrame = Math.Max(FuseProtocol.DefaultMaxFrameLength, maxWrite > uint.MaxValue - 4096 ? uint.MaxValue : maxWrite + 4096);
        connection.DaemonMinor = daemonMinor;
        connection.Protocol = FuseProtocol.Negotiate(minor, offered, Combine(flags, flags2), maxFrame);
        connection.Negotiated = true;
    }

    private static bool IsNoReply(FuseOpcode opcode) => opcode is FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.NotifyReply;

    private static FuseInitFlags Combine(uint low, uint high) =>
        (FuseInitFlags)((low & (uint)FuseInitFlags.InitExt) != 0 ? low | ((ulong)high << 32) : low);
}
