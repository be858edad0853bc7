using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Formatting;
using FuseWire.Proxy;
using FuseWire.Sessions;

namespace FuseWire.Cli.Trace;

/// <summary>
/// The proxy's observer for <c>fusewire trace</c>: records every frame in the transcript (the daemon's frames as they came,
/// bad ones included, and the replies the proxy wrote itself for a daemon that had gone; not the EIO that replaced a bad
/// reply, which would read as a second reply), counts it, and prints one line per frame unless quiet.
/// </summary>
internal sealed class TraceRecorder
{
    private readonly TextWriter? _lines;
    private readonly FuseFrameObserver? _transcript;
    private readonly Lock _gate = new();
    private readonly long _start = Stopwatch.GetTimestamp();

    public TraceRecorder(TextWriter? lines, FuseFrameObserver? transcript)
    {
        _lines = lines;
        _transcript = transcript;
    }

    public TraceStatistics Statistics { get; } = new();

    public void Observe(in FuseProxyFrame frame)
    {
        _transcript?.Invoke(frame.Frame, frame.Direction == FuseProxyDirection.Request);
        string? line = _lines is null ? null : Format(frame, Stopwatch.GetElapsedTime(_start));
        lock (_gate)
        {
            Statistics.Count(frame);
            if (line is not null)
            {
                _lines!.WriteLine(line);
                _lines.Flush();
            }
        }
    }

    /// <summary>One line: seconds since the start, the direction, the frame as <see cref="FuseFrameFormatter"/> renders it, the
    /// reply's latency, and what the proxy found and did.</summary>
    internal static string Format(in FuseProxyFrame frame, TimeSpan elapsed)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string body;
        string suffix = string.Empty;
        if (frame.Direction == FuseProxyDirection.Request)
        {
            body = "-> " + FuseFrameFormatter.FormatRequest(frame.Frame, frame.Protocol);
        }
        else
        {
            ulong unique = frame.Frame.Length >= FuseOutHeader.StructSize ? System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(frame.Frame[8..]) : 0;
            body = "<- " + (frame.Frame.Length < FuseOutHeader.StructSize ? $"<{frame.Frame.Length}-byte frame>"
                : unique == 0 ? FuseFrameFormatter.FormatNotification(frame.Frame, frame.Protocol)
                : frame.Context.Unique == 0 ? string.Create(c, $"reply unique={unique} <no such request>")
                : FuseFrameFormatter.FormatReply(frame.Frame, frame.Context, frame.Protocol));
            if (frame.Context.Unique != 0 && frame.Latency > TimeSpan.Zero)
            {
                suffix = string.Create(c, $" ({frame.Latency.Ticks / (double)TimeSpan.TicksPerMicrosecond:F0} us)");
            }
        }

        suffix += frame.Action switch
        {
            FuseProxyAction.ReplacedWithError => $" !! {frame.Validation.Error}: answered EIO instead",
            FuseProxyAction.Dropped => $" !! {frame.Validation.Error}: dropped",
            FuseProxyAction.AnsweredByProxy => " (answered by the proxy: the daemon has gone)",
            _ when !frame.Validation.IsValid => $" !! {frame.Validation.Error}",
            _ => string.Empty,
        };
        if (frame.Validation.HasWarning)
        {
            suffix += $" ! {frame.Validation.Warning}";
        }

        return string.Create(c, $"{elapsed.TotalSeconds,12:F6} {body}{suffix}");
    }
}
