using System.Collections.Generic;
using FuseWire.Cli.Analysis;

namespace FuseWire.Cli.Stats;

/// <summary>What <c>stats</c> counts for one opcode.</summary>
internal sealed class OpcodeStats
{
    /// <summary>Requests seen.</summary>
    public long Requests { get; set; }

    /// <summary>Replies seen (matched to a request of this opcode).</summary>
    public long Replies { get; set; }

    /// <summary>Bytes of the requests on the wire.</summary>
    public long RequestBytes { get; set; }

    /// <summary>Bytes of the replies on the wire.</summary>
    public long ReplyBytes { get; set; }

    /// <summary>Error replies, by positive errno.</summary>
    public SortedDictionary<int, long> Errors { get; } = [];

    /// <summary>Request-to-reply latencies.</summary>
    public LatencyHistogram Latency { get; } = new();
}
