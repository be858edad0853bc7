using System;
using FuseWire.Codec;

namespace FuseWire.Client;

/// <summary>Receives the outcome of a request sent with a callback, on the client's reader thread.</summary>
/// <param name="reply">The validated reply (an error reply included); a view valid only during the call, default when <paramref name="exception"/> is set.</param>
/// <param name="exception">Null when a reply came; else a <see cref="Validation.FuseProtocolException"/> for a malformed reply or a
/// <see cref="FuseConnectionClosedException"/> when the connection ended first.</param>
/// <param name="state">The state passed with the request.</param>
public delegate void FuseReplyCallback(FuseReply reply, Exception? exception, object? state);
