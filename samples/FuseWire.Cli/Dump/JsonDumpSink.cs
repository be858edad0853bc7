using System;
using System.Buffers;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using FuseWire.Abi;
using FuseWire.Cli.Analysis;
using FuseWire.Cli.Json;
using FuseWire.Cli.Options;
using FuseWire.Codec;
using FuseWire.Validation;

namespace FuseWire.Cli.Dump;

/// <summary>
/// Writes each frame as one JSON object on its own line. Header members sit at the top level under fuse.h's names (<c>len</c>,
/// <c>opcode</c>, <c>unique</c>, <c>nodeid</c>, <c>error</c>, ...); each fixed struct is a nested object named after the struct without
/// <c>fuse_</c> (<c>entry_out</c>, so <c>.entry_out.attr.size</c> is fuse.h's <c>entry_out.attr.size</c>). The tool's own keys
/// (<c>frame</c>, <c>time_ns</c>, <c>direction</c>, <c>opcode_name</c>, <c>latency_ns</c>, <c>violation</c>, ...) are not fuse.h members.
/// </summary>
internal sealed class JsonDumpSink : IFrameSink, IDisposable
{
    private readonly CommandOptions _options;
    private readonly TextWriter _stdout;
    private readonly ArrayBufferWriter<byte> _bytes = new(4096);
    private readonly Utf8JsonWriter _json;
    private char[] _chars = new char[4096];

    /// <summary>Creates the sink.</summary>
    /// <param name="options">The filters.</param>
    /// <param name="stdout">Where lines go.</param>
    public JsonDumpSink(CommandOptions options, TextWriter stdout)
    {
        _options = options;
        _stdout = stdout;
        _json = new Utf8JsonWriter(_bytes, new JsonWriterOptions { Indented = false, SkipValidation = false });
    }

    /// <inheritdoc/>
    public void OnFrame(ref AnalyzedFrame frame)
    {
        if (!FrameFilter.Matches(_options, frame))
        {
            return;
        }

        _bytes.ResetWrittenCount();
        _json.Reset(_bytes);
        Utf8JsonWriter w = _json;
        w.WriteStartObject();
        w.WriteNumber("frame", frame.Index);
        w.WriteNumber("time_ns", frame.TimestampNanoseconds);
        w.WriteNumber("interface", frame.InterfaceId);
        w.WriteString("direction", frame.Kind switch
        {
            FrameKind.Request => "request",
            FrameKind.Reply => "reply",
            FrameKind.Notification => "notification",
            _ => "unknown",
        });
        if (frame.DirectionGuessed)
        {
            w.WriteBoolean("direction_guessed", true);
        }

        if (frame.IsTruncated)
        {
            w.WriteBoolean("truncated", true);
            w.WriteNumber("captured_len", frame.Frame.Length);
        }

        switch (frame.Kind)
        {
            case FrameKind.Request:
                WriteRequest(w, frame);
                break;
            case FrameKind.Reply:
                WriteReply(w, frame);
                break;
            case FrameKind.Notification:
                WriteNotification(w, frame);
                break;
            default:
                w.WriteNumber("captured_len", frame.Frame.Length);
                break;
        }

        WriteFinding(w, "violation", frame.Error);
        WriteFinding(w, "warning", frame.Warning);
        w.WriteEndObject();
        w.Flush();
        WriteLine();
    }

    /// <summary>Releases the JSON writer.</summary>
    public void Dispose() => _json.Dispose();

    private static void WriteRequest(Utf8JsonWriter w, in AnalyzedFrame frame)
    {
        AbiJson.WriteFuseInHeader(w, frame.Frame[..Math.Min(frame.Frame.Length, FuseInHeader.StructSize)]);
        w.WriteString("opcode_name", FrameText.OpcodeName(frame.Opcode));
        if (!frame.Decoded)
        {
            return;
        }

        FuseRequest request = frame.Request;
        ArgumentJson.WriteRequest(w, frame.Opcode, request.Argument);
        if (!request.Name.IsEmpty)
        {
            WriteName(w, "name", request.Name);
        }

        if (!request.Name2.IsEmpty)
        {
            WriteName(w, frame.Opcode == FuseOpcode.Symlink ? "link" : "name2", request.Name2);
        }

        if (!request.Data.IsEmpty)
        {
            w.WriteNumber("data_len", request.Data.Length);
        }

        if (frame.Opcode == FuseOpcode.BatchForget)
        {
            w.WriteStartArray("forgets");
            foreach (FuseForgetOne one in request.Forgets)
            {
                w.WriteStartObject();
                AbiJson.WriteFuseForgetOne(w, MemoryMarshal.AsBytes(new ReadOnlySpan<FuseForgetOne>(in one)));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!request.Extensions.IsEmpty)
        {
            w.WriteNumber("extensions_len", request.Extensions.Length);
        }
    }

    private static void WriteReply(Utf8JsonWriter w, in AnalyzedFrame frame)
    {
        AbiJson.WriteFuseOutHeader(w, frame.Frame[..Math.Min(frame.Frame.Length, FuseOutHeader.StructSize)]);
        if (frame.Errno != 0)
        {
            w.WriteString("errno", FuseNames.TryGetErrnoName(frame.Errno) ?? "unknown");
        }

        if (frame.Opcode != 0)
        {
            w.WriteNumber("opcode", (uint)frame.Opcode);
            w.WriteString("opcode_name", FrameText.OpcodeName(frame.Opcode));
        }

        if (frame.LatencyNanoseconds >= 0)
        {
            w.WriteNumber("latency_ns", frame.LatencyNanoseconds);
        }

        if (!frame.Decoded || frame.Errno != 0)
        {
            return;
        }

        FuseReply reply = frame.Reply;
        ArgumentJson.WriteReply(w, frame.Opcode, reply.Argument, reply.Argument2);
        ReadOnlySpan<byte> data = reply.Data;
        if (frame.Opcode is FuseOpcode.Readdir or FuseOpcode.Readdirplus)
        {
            WriteDirents(w, reply, frame.Opcode == FuseOpcode.Readdirplus);
        }
        else if (frame.Opcode == FuseOpcode.Readlink)
        {
            WriteName(w, "link", data);
        }
        else if (!data.IsEmpty)
        {
            w.WriteNumber("data_len", data.Length);
        }
    }

    private static void WriteDirents(Utf8JsonWriter w, in FuseReply reply, bool plus)
    {
        w.WriteStartArray(plus ? "direntplus" : "dirents");
        foreach (FuseDirentEntry entry in reply.EnumerateDirents(plus))
        {
            w.WriteStartObject();
            if (plus)
            {
                FuseEntryOut entryOut = entry.EntryOut;
                w.WriteStartObject("entry_out");
                AbiJson.WriteFuseEntryOut(w, MemoryMarshal.AsBytes(new ReadOnlySpan<FuseEntryOut>(in entryOut)));
                w.WriteEndObject();
                w.WriteStartObject("dirent");
            }

            AbiJson.WriteFuseDirent(w, MemoryMarshal.AsBytes(new ReadOnlySpan<FuseDirent>(in entry.Dirent)));
            WriteName(w, "name", entry.Name);
            if (plus)
            {
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNotification(Utf8JsonWriter w, in AnalyzedFrame frame)
    {
        AbiJson.WriteFuseOutHeader(w, frame.Frame[..Math.Min(frame.Frame.Length, FuseOutHeader.StructSize)]);
        var code = (FuseNotifyCode)frame.Errno;
        w.WriteString("notify_name", FuseNames.TryGetNotifyName(code) ?? "unknown");
        if (!frame.Decoded)
        {
            return;
        }

        FuseNotification notification = frame.Notification;
        ArgumentJson.WriteNotification(w, code, notification.Argument);
        if (!notification.Name.IsEmpty)
        {
            WriteName(w, "name", notification.Name);
        }

        if (!notification.Data.IsEmpty)
        {
            w.WriteNumber("data_len", notification.Data.Length);
        }
    }

    private static void WriteFinding(Utf8JsonWriter w, string key, in FuseProtocolError error)
    {
        if (!error.IsError)
        {
            return;
        }

        w.WriteStartObject(key);
        w.WriteString("rule", error.Rule.ToString());
        w.WriteNumber("offset", error.Offset);
        w.WriteNumber("actual", error.Actual);
        w.WriteNumber("expected", error.Expected);
        w.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter w, string key, ReadOnlySpan<byte> name)
    {
        // Names are bytes to the kernel; one that is not UTF-8 is written with U+FFFD for the bad bytes rather than failing the dump.
        if (Utf8.IsValid(name))
        {
            w.WriteString(key, name);
        }
        else
        {
            w.WriteString(key, Encoding.UTF8.GetString(name));
        }
    }

    private void WriteLine()
    {
        ReadOnlySpan<byte> utf8 = _bytes.WrittenSpan;
        int needed = Encoding.UTF8.GetMaxCharCount(utf8.Length) + 1;
        if (_chars.Length < needed)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        int count = Encoding.UTF8.GetChars(utf8, _chars);
        _chars[count++] = '\n';
        _stdout.Write(_chars, 0, count);
    }
}
