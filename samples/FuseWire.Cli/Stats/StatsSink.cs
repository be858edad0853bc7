using System;
using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Cli.Analysis;
using FuseWire.Validation;

namespace FuseWire.Cli.Stats;

/// <summary>Counts frames, bytes, errors, latencies and findings per opcode.</summary>
internal sealed class StatsSink : IFrameSink
{
    /// <summary>Frames read.</summary>
    public long Frames { get; private set; }

    /// <summary>Bytes of all frames on the wire.</summary>
    public long Bytes { get; private set; }

    /// <summary>Requests read.</summary>
    public long Requests { get; private set; }

    /// <summary>Replies read.</summary>
    public long Replies { get; private set; }

    /// <summary>Replies that matched no outstanding request.</summary>
    public long UnmatchedReplies { get; private set; }

    /// <summary>Frames the writer truncated on purpose.</summary>
    public long Truncated { get; private set; }

    /// <summary>Frames whose direction was guessed.</summary>
    public long Guessed { get; private set; }

    /// <summary>The capture time of the first frame (ns).</summary>
    public long FirstTimestamp { get; private set; } = long.MinValue;

    /// <summary>The capture time of the last frame (ns).</summary>
    public long LastTimestamp { get; private set; }

    /// <summary>Per opcode.</summary>
    public SortedDictionary<FuseOpcode, OpcodeStats> Opcodes { get; } = [];

    /// <summary>Notifications by code.</summary>
    public SortedDictionary<FuseNotifyCode, long> Notifications { get; } = [];

    /// <summary>Violations by rule.</summary>
    public SortedDictionary<FuseProtocolRule, long> Violations { get; } = [];

    /// <summary>Warnings by rule.</summary>
    public SortedDictionary<FuseProtocolRule, long> Warnings { get; } = [];

    /// <inheritdoc/>
    public void OnFrame(ref AnalyzedFrame frame)
    {
        Frames++;
        Bytes += frame.OriginalLength;
        if (FirstTimestamp == long.MinValue)
        {
            FirstTimestamp = frame.TimestampNanoseconds;
        }

        LastTimestamp = frame.TimestampNanoseconds;
        Truncated += frame.IsTruncated ? 1 : 0;
        Guessed += frame.DirectionGuessed ? 1 : 0;
        switch (frame.Kind)
        {
            case FrameKind.Request:
                Requests++;
                OpcodeStats request = For(frame.Opcode);
                request.Requests++;
                request.RequestBytes += frame.OriginalLength;
                break;
            case FrameKind.Reply when frame.Opcode != 0 && frame.Error.Rule is not (FuseProtocolRule.DuplicateReply or FuseProtocolRule.ReplyToNoReplyOpcode):
                Replies++;
                OpcodeStats reply = For(frame.Opcode);
                reply.Replies++;
                reply.ReplyBytes += frame.OriginalLength;
                if (frame.Errno != 0)
                {
                    reply.Errors[frame.Errno] = reply.Errors.GetValueOrDefault(frame.Errno) + 1;
                }

                if (frame.LatencyNanoseconds >= 0)
                {
                    reply.Latency.Record(frame.LatencyNanoseconds);
                }

                break;
            case FrameKind.Reply:
                Replies++;
                UnmatchedReplies++;
                break;
            case FrameKind.Notification:
                var code = (FuseNotifyCode)frame.Errno;
                Notifications[code] = Notifications.GetValueOrDefault(code) + 1;
                break;
            default:
                break;
        }

        if (frame.Error.IsError)
        {
            Violations[frame.Error.Rule] = Violations.GetValueOrDefault(frame.Error.Rule) + 1;
        }

        if (frame.Warning.IsError)
        {
            Warnings[frame.Warning.Rule] = Warnings.GetValueOrDefault(frame.Warning.Rule) + 1;
        }
    }

    private OpcodeStats For(FuseOpcode opcode)
    {
        if (!Opcodes.TryGetValue(opcode, out OpcodeStats? stats))
        {
            stats = new OpcodeStats();
            Opcodes.Add(opcode, stats);
        }

        return stats;
    }
}
