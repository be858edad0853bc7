using System;
using System.Globalization;
using System.IO;
using FuseWire.Abi;
using FuseWire.Proxy;

namespace FuseWire.Cli.Trace;

/// <summary>Per-opcode counts and reply latencies of a trace, and the frames the proxy had to step in for. Not thread-safe.</summary>
internal sealed class TraceStatistics
{
    private const int Slots = 128;
    private readonly long[] _requests = new long[Slots + 1];
    private readonly long[] _replies = new long[Slots + 1];
    private readonly long[] _errors = new long[Slots + 1];
    private readonly long[] _latencyTicks = new long[Slots + 1];
    private readonly long[] _maxLatencyTicks = new long[Slots + 1];

    public long Requests { get; private set; }

    public long Replies { get; private set; }

    public long Notifications { get; private set; }

    public long Violations { get; private set; }

    public long Warnings { get; private set; }

    public long Replaced { get; private set; }

    public long Dropped { get; private set; }

    public long AnsweredByProxy { get; private set; }

    /// <summary>The number of requests of <paramref name="opcode"/> seen.</summary>
    public long RequestsOf(FuseOpcode opcode) => _requests[Slot(opcode)];

    public void Count(in FuseProxyFrame frame)
    {
        int slot = Slot(frame.Context.Opcode);
        if (frame.Direction == FuseProxyDirection.Request)
        {
            Requests++;
            _requests[slot]++;
            return;
        }

        switch (frame.Action)
        {
            case FuseProxyAction.ReplacedWithError:
                Replaced++;
                break;
            case FuseProxyAction.Dropped:
                Dropped++;
                break;
            case FuseProxyAction.AnsweredByProxy:
                AnsweredByProxy++;
                break;
        }

        if (!frame.Validation.IsValid)
        {
            Violations++;
        }

        if (frame.Validation.HasWarning)
        {
            Warnings++;
        }

        if (frame.Context.Unique == 0)
        {
            Notifications += frame.Action == FuseProxyAction.Forwarded ? 1 : 0;
            return;
        }

        Replies++;
        _replies[slot]++;
        if (frame.Frame.Length >= FuseOutHeader.StructSize && System.Runtime.InteropServices.MemoryMarshal.Read<int>(frame.Frame[4..]) != 0)
        {
            _errors[slot]++;
        }

        long ticks = frame.Latency.Ticks;
        _latencyTicks[slot] += ticks;
        _maxLatencyTicks[slot] = Math.Max(_maxLatencyTicks[slot], ticks);
    }

    /// <summary>Writes the summary: one line of totals, then a table by opcode.</summary>
    public void WriteSummary(TextWriter output, string daemonOutcome)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"fusewire trace: {Requests} requests, {Replies} replies, {Notifications} notifications; {Violations} violations ({Replaced} replies answered EIO instead, {Dropped} frames dropped), {Warnings} warnings, {AnsweredByProxy} requests answered ENOTCONN by the proxy; {daemonOutcome}"));
        output.WriteLine("opcode            requests   replies    errors   mean_us    max_us");
        for (int slot = 0; slot <= Slots; slot++)
        {
            if (_requests[slot] == 0 && _replies[slot] == 0)
            {
                continue;
            }

            string name = slot == Slots ? "OTHER" : FuseNames.OpcodeName((FuseOpcode)slot);
            double mean = _replies[slot] == 0 ? 0 : _latencyTicks[slot] / (double)_replies[slot] / TimeSpan.TicksPerMicrosecond;
            double max = _maxLatencyTicks[slot] / (double)TimeSpan.TicksPerMicrosecond;
            output.WriteLine(string.Create(c, $"{name,-16} {_requests[slot],9} {_replies[slot],9} {_errors[slot],9} {mean,9:F1} {max,9:F1}"));
        }
    }

    private static int Slot(FuseOpcode opcode) => (uint)opcode < Slots ? (int)opcode : Slots;
}
