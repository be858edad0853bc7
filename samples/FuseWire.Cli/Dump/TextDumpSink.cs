using System.IO;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Cli.Analysis;
using FuseWire.Cli.Options;
using FuseWire.Formatting;
using FuseWire.Validation;

namespace FuseWire.Cli.Dump;

/// <summary>
/// Writes each frame as one line: index, time since the first frame, an arrow (<c>-&gt;</c> to the daemon, <c>&lt;-</c> from it), the
/// frame as <see cref="FuseFrameFormatter"/> renders it, the reply's latency and the validator's findings.
/// </summary>
internal sealed class TextDumpSink : IFrameSink
{
    private readonly CommandOptions _options;
    private readonly TextWriter _stdout;
    private readonly LineBuffer _line = new();
    private long _origin = long.MinValue;

    /// <summary>Creates the sink.</summary>
    /// <param name="options">The filters.</param>
    /// <param name="stdout">Where lines go.</param>
    public TextDumpSink(CommandOptions options, TextWriter stdout)
    {
        _options = options;
        _stdout = stdout;
    }

    /// <inheritdoc/>
    public void OnFrame(ref AnalyzedFrame frame)
    {
        if (_origin == long.MinValue)
        {
            _origin = frame.TimestampNanoseconds;
        }

        if (!FrameFilter.Matches(_options, frame))
        {
            return;
        }

        LineBuffer line = _line;
        line.Append(frame.Index);
        line.Append(' ');
        line.AppendFixed(frame.TimestampNanoseconds - _origin, 9);
        if (frame.InterfaceId != 0)
        {
            line.Append(" if=");
            line.Append(frame.InterfaceId);
        }

        line.Append(frame.Kind == FrameKind.Request ? " -> " : frame.Kind == FrameKind.Unknown ? " ?? " : " <- ");
        AppendBody(line, frame);
        if (frame.LatencyNanoseconds >= 0)
        {
            line.Append(" latency=");
            line.AppendFixed(frame.LatencyNanoseconds, 3);
            line.Append("us");
        }

        if (frame.DirectionGuessed)
        {
            line.Append(" [direction guessed]");
        }

        if (frame.Error.IsError)
        {
            AppendFinding(line, " !! violation ", frame.Error);
        }

        if (frame.Warning.IsError)
        {
            AppendFinding(line, " !? warning ", frame.Warning);
        }

        line.WriteLineTo(_stdout);
    }

    private static void AppendBody(LineBuffer line, in AnalyzedFrame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Request when frame.Decoded:
                line.Append(FuseFrameFormatter.FormatRequest(frame.Request));
                return;
            case FrameKind.Reply when frame.Decoded:
                line.Append(FuseFrameFormatter.FormatReply(frame.Reply, frame.Context));
                return;
            case FrameKind.Notification when frame.Decoded:
                line.Append(FuseFrameFormatter.FormatNotification(frame.Notification));
                return;
            default:
                break;
        }

        AppendHeaderOnly(line, frame);
    }

    private static void AppendHeaderOnly(LineBuffer line, in AnalyzedFrame frame)
    {
        switch (frame.Kind)
        {
            case FrameKind.Request:
                line.Append(FrameText.OpcodeName(frame.Opcode));
                line.Append(" unique=");
                line.Append(frame.Unique);
                if (frame.Frame.Length >= FuseInHeader.StructSize)
                {
                    line.Append(" nodeid=");
                    line.Append(MemoryMarshal.Read<ulong>(frame.Frame[16..]));
                }
                break;
            case FrameKind.Reply:
                line.Append("reply unique=");
                line.Append(frame.Unique);
                if (frame.Errno != 0)
                {
                    line.Append(" error=");
                    AppendErrno(line, frame.Errno);
                }

                break;
            case FrameKind.Notification:
                line.Append("notify ");
                line.Append(FuseNames.TryGetNotifyName((FuseNotifyCode)frame.Errno) ?? "?");
                break;
            default:
                line.Append("frame");
                break;
        }

        line.Append(" <");
        line.Append((long)frame.Frame.Length);
        if (frame.IsTruncated)
        {
            line.Append(" of ");
            line.Append((long)frame.OriginalLength);
            line.Append(" bytes captured>");
        }
        else
        {
            line.Append(" bytes>");
        }
    }

    private static void AppendErrno(LineBuffer line, int errno)
    {
        if (FuseNames.TryGetErrnoName(errno) is { } name)
        {
            line.Append('-');
            line.Append(name);
        }
        else
        {
            line.Append(-(long)errno);
        }
    }

    private static void AppendFinding(LineBuffer line, string what, in FuseProtocolError error)
    {
        line.Append(what);
        line.Append(error.Rule.ToString());
        line.Append(" at offset ");
        line.Append((long)error.Offset);
        line.Append(" (actual=");
        line.Append(error.Actual);
        line.Append(" expected=");
        line.Append(error.Expected);
        line.Append(')');
    }
}
