using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FuseWire.Abi;
using FuseWire.Cli.Analysis;
using FuseWire.Validation;

namespace FuseWire.Cli.Stats;

/// <summary>Renders what <see cref="StatsSink"/> counted, and the connections' negotiated protocols, as text for the terminal.</summary>
internal static class StatsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the report.</summary>
    /// <param name="file">The transcript's name.</param>
    /// <param name="stats">The counts.</param>
    /// <param name="connections">The connections' final states.</param>
    /// <param name="writer">The destination.</param>
    public static void Write(string file, StatsSink stats, IReadOnlyList<ConnectionState?> connections, TextWriter writer)
    {
        long span = stats.Frames == 0 ? 0 : stats.LastTimestamp - stats.FirstTimestamp;
        writer.WriteLine($"transcript  {file}");
        writer.WriteLine(string.Create(
            Invariant,
            $"frames      {stats.Frames} ({stats.Requests} requests, {stats.Replies} replies, {stats.Notifications.Values.Sum()} notifications), {stats.Bytes} bytes over {Durations.Format(span)}"));
        if (stats.Truncated != 0 || stats.Guessed != 0 || stats.UnmatchedReplies != 0)
        {
            writer.WriteLine(string.Create(
                Invariant, $"            {stats.Truncated} truncated, {stats.Guessed} with guessed direction, {stats.UnmatchedReplies} replies matching no request"));
        }

        for (int id = 0; id < connections.Count; id++)
        {
            if (connections[id] is not { } connection)
            {
                continue;
            }

            WriteConnection(id, connection, writer);
        }

        writer.WriteLine();
        var table = new TextTable("OPCODE", "REQUESTS", "REPLIES", "P50", "P90", "P99", "MAX", "BYTES_IN", "BYTES_OUT", "ERRORS");
        foreach ((FuseOpcode opcode, OpcodeStats op) in stats.Opcodes)
        {
            LatencyHistogram latency = op.Latency;
            bool timed = latency.Count > 0;
            table.Add(
                FuseNames.OpcodeName(opcode),
                op.Requests.ToString(Invariant),
                op.Replies.ToString(Invariant),
                timed ? Durations.Format(latency.Percentile(50)) : "-",
                timed ? Durations.Format(latency.Percentile(90)) : "-",
                timed ? Durations.Format(latency.Percentile(99)) : "-",
                timed ? Durations.Format(latency.Max) : "-",
                op.RequestBytes.ToString(Invariant),
                op.ReplyBytes.ToString(Invariant),
                op.Errors.Count == 0 ? "-" : string.Join(' ', op.Errors.Select(e => string.Create(Invariant, $"{ErrnoName(e.Key)}={e.Value}"))));
        }

        table.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine("notifications  " + Counts(stats.Notifications.Select(n => (FuseNames.TryGetNotifyName(n.Key) ?? ((int)n.Key).ToString(Invariant), n.Value))));
        writer.WriteLine("violations     " + Counts(stats.Violations.Select(v => (v.Key.ToString(), v.Value))));
        writer.WriteLine("warnings       " + Counts(stats.Warnings.Select(v => (v.Key.ToString(), v.Value))));
    }

    private static void WriteConnection(int id, ConnectionState connection, TextWriter writer)
    {
        string name = string.Create(Invariant, $"connection {id}");
        if (!connection.Negotiated)
        {
            writer.WriteLine(string.Create(Invariant, $"{name}  no INIT exchange: decoded at 7.{connection.Protocol.Minor}"));
        }
        else
        {
            writer.WriteLine(string.Create(
                Invariant,
                $"{name}  protocol 7.{connection.Protocol.Minor} (kernel 7.{connection.KernelMinor}, daemon 7.{connection.DaemonMinor})"));
            writer.WriteLine($"{new string(' ', name.Length)}  flags {FlagNames.Format(connection.Protocol.Flags)}");
        }

        if (connection.Outstanding.Count != 0)
        {
            writer.WriteLine(string.Create(Invariant, $"{new string(' ', name.Length)}  {connection.Outstanding.Count} requests unanswered at the end"));
        }
    }

    private static string ErrnoName(int errno) => FuseNames.TryGetErrnoName(errno) ?? errno.ToString(Invariant);

    private static string Counts(IEnumerable<(string Name, long Count)> counts)
    {
        string text = string.Join(", ", counts.Select(c => string.Create(Invariant, $"{c.Name} {c.Count}")));
        return text.Length == 0 ? "none" : text;
    }
}
