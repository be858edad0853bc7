using FuseWire.Codec;

namespace FuseWire.Proxy;

/// <summary>A request passed to the daemon and not answered yet: what its reply is checked against, and when it left.</summary>
/// <param name="Context">The request.</param>
/// <param name="SentAt">The <see cref="System.Diagnostics.Stopwatch"/> timestamp at which it was passed on.</param>
internal readonly record struct FusePendingRequest(FuseReplyContext Context, long SentAt);
