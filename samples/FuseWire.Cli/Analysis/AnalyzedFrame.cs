using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Cli.Analysis;

/// <summary>One transcript frame, decoded and checked: views over the frame's bytes, valid until the next frame is read.</summary>
internal ref struct AnalyzedFrame
{
    /// <summary>The frame's index in the file (0-based).</summary>
    public long Index;

    /// <summary>The capture time, nanoseconds since the epoch.</summary>
    public long TimestampNanoseconds;

    /// <summary>The pcapng interface (connection) it crossed.</summary>
    public int InterfaceId;

    /// <summary>Request, reply or notification.</summary>
    public FrameKind Kind;

    /// <summary>Whether the reader guessed the direction from the header.</summary>
    public bool DirectionGuessed;

    /// <summary>The captured bytes.</summary>
    public ReadOnlySpan<byte> Frame;

    /// <summary>The frame's length on the wire (more than <see cref="Frame"/>'s when truncated by the writer).</summary>
    public int OriginalLength;

    /// <summary>The request's opcode, or for a reply the opcode of the request it answers (0 when unknown).</summary>
    public FuseOpcode Opcode;

    /// <summary>The frame's unique.</summary>
    public ulong Unique;

    /// <summary>A reply's positive errno (0 for success); a notification's code.</summary>
    public int Errno;

    /// <summary>Request to reply, nanoseconds; -1 when not a matched reply.</summary>
    public long LatencyNanoseconds;

    /// <summary>Whether <see cref="Request"/>, <see cref="Reply"/> or <see cref="Notification"/> holds the decoded frame.</summary>
    public bool Decoded;

    /// <summary>The decoded request.</summary>
    public FuseRequest Request;

    /// <summary>The decoded reply.</summary>
    public FuseReply Reply;

    /// <summary>The decoded notification.</summary>
    public FuseNotification Notification;

    /// <summary>For a reply: the request it answers.</summary>
    public FuseReplyContext Context;

    /// <summary>The protocol the frame was decoded at.</summary>
    public FuseProtocol Protocol;

    /// <summary>The protocol violation found (Rule None when clean).</summary>
    public FuseProtocolError Error;

    /// <summary>A finding that leaves the frame usable (a long reply).</summary>
    public FuseProtocolError Warning;

    /// <summary>Whether the writer cut the frame short on purpose: its payload is not decoded.</summary>
    public readonly bool IsTruncated => Frame.Length < OriginalLength;

    /// <summary>Whether a violation or warning was found.</summary>
    public readonly bool HasFinding => Error.IsError || Warning.IsError;
}
