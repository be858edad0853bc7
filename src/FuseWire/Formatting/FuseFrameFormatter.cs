using System;
using System.Globalization;
using System.Text;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Formatting;

/// <summary>
/// Renders frames as single strace-style lines for logs and debugging:
/// <c>LOOKUP unique=4 nodeid=1 name="foo"</c>, <c>reply unique=5 error=-ENOENT</c>, <c>notify INVAL_ENTRY parent=1 name="foo"</c>.
/// </summary>
/// <remarks>
/// Fields carry the kernel's names. Modes are octal with a leading 0 (<c>0100644</c>), flags are hex or their kernel names without the common
/// prefix (<c>open_flags=DIRECT_IO|KEEP_CACHE</c>), times are <c>seconds.nanoseconds</c>. Names are quoted, with quotes and backslashes escaped
/// and other non-printable bytes as <c>\xNN</c>. Bulk data is shown as <c>&lt;N bytes&gt;</c>, short values (32 bytes at most) quoted,
/// and lists are cut after 8 items with <c>...</c>. Numbers use the invariant culture. The overloads that take a <see cref="StringBuilder"/>
/// append the same line to it and allocate nothing once the builder has grown to the longest line (a dump tool's hot path).
/// </remarks>
public static class FuseFrameFormatter
{
    [ThreadStatic]
    private static FuseLineWriter? t_writer;

    /// <summary>Appends a decoded request's line to a builder, allocating nothing.</summary>
    /// <param name="request">The request.</param>
    /// <param name="destination">The builder; the line is appended after what it holds.</param>
    public static void FormatRequest(in FuseRequest request, StringBuilder destination)
    {
        FuseLineWriter writer = Writer(destination);
        FuseRequestFormatter.Write(writer, request);
        writer.CopyTo(destination);
    }

    /// <summary>Appends a decoded reply's line to a builder, allocating nothing.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="context">The request it answers.</param>
    /// <param name="destination">The builder; the line is appended after what it holds.</param>
    public static void FormatReply(in FuseReply reply, in FuseReplyContext context, StringBuilder destination)
    {
        FuseLineWriter writer = Writer(destination);
        FuseReplyFormatter.Write(writer, reply, context);
        writer.CopyTo(destination);
    }

    /// <summary>Appends a decoded notification's line to a builder, allocating nothing.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="destination">The builder; the line is appended after what it holds.</param>
    public static void FormatNotification(in FuseNotification notification, StringBuilder destination)
    {
        FuseLineWriter writer = Writer(destination);
        FuseNotificationFormatter.Write(writer, notification);
        writer.CopyTo(destination);
    }

    /// <summary>Renders a decoded request: <c>OPCODE unique=N nodeid=N</c> and the argument's fields, then its extensions.</summary>
    /// <param name="request">The request.</param>
    /// <returns>One line, e.g. <c>READ unique=7 nodeid=2 fh=1 offset=0 size=4096 read_flags=0 lock_owner=0x0 flags=0x8000</c>.</returns>
    public static string FormatRequest(in FuseRequest request) => FuseRequestFormatter.Format(request);

    /// <summary>Decodes and renders a request frame; a malformed frame gives <c>&lt;malformed request: Rule at offset N&gt;</c> instead of an exception.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <returns>One line.</returns>
    public static string FormatRequest(ReadOnlySpan<byte> frame, in FuseProtocol protocol) =>
        FuseRequest.TryParse(frame, protocol, out FuseRequest request, out FuseProtocolError error)
            ? FuseRequestFormatter.Format(request)
            : Malformed("request", error);

    /// <summary>Renders a decoded reply: <c>reply unique=N</c> then <c>error=-ENOENT</c>, <c>ok</c>, or the reply's kind and fields.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="context">The request it answers; its opcode decides how the reply reads.</param>
    /// <returns>One line, e.g. <c>reply unique=4 ENTRY nodeid=2 generation=0 entry_valid=1.000000000 ...</c>.</returns>
    public static string FormatReply(in FuseReply reply, in FuseReplyContext context) => FuseReplyFormatter.Format(reply, context);

    /// <summary>Decodes (leniently) and renders a reply frame; a malformed frame gives <c>&lt;malformed reply: Rule at offset N&gt;</c> instead of an exception.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="context">The request it answers.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <returns>One line.</returns>
    public static string FormatReply(ReadOnlySpan<byte> frame, in FuseReplyContext context, in FuseProtocol protocol) =>
        FuseReply.TryParse(frame, context, protocol, FuseReplyStrictness.Lenient, out FuseReply reply, out FuseValidationResult result)
            ? FuseReplyFormatter.Format(reply, context)
            : Malformed("reply", result.Error);

    /// <summary>Renders a decoded notification: <c>notify CODE</c> and its fields.</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>One line, e.g. <c>notify INVAL_ENTRY parent=1 name="foo"</c>.</returns>
    public static string FormatNotification(in FuseNotification notification) => FuseNotificationFormatter.Format(notification);

    /// <summary>Decodes and renders a notification frame; a malformed frame gives <c>&lt;malformed notification: Rule at offset N&gt;</c> instead of an exception.</summary>
    /// <param name="frame">Exactly the bytes of one frame.</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <returns>One line.</returns>
    public static string FormatNotification(ReadOnlySpan<byte> frame, in FuseProtocol protocol) =>
        FuseNotification.TryParse(frame, protocol, out FuseNotification notification, out FuseProtocolError error)
            ? FuseNotificationFormatter.Format(notification)
            : Malformed("notification", error);

    private static FuseLineWriter Writer(StringBuilder destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        FuseLineWriter writer = t_writer ??= new FuseLineWriter();
        writer.Reset();
        return writer;
    }

    private static string Malformed(string what, in FuseProtocolError error) =>
        string.Create(CultureInfo.InvariantCulture, $"<malformed {what}: {error.Rule} at offset {error.Offset}>");
}
