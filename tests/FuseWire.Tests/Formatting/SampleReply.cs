using FuseWire.Codec;

namespace FuseWire.Tests.Formatting;

/// <summary>A reply frame and the context of the request it answers.</summary>
/// <param name="Frame">The frame's bytes.</param>
/// <param name="Context">The request answered.</param>
internal sealed record SampleReply(byte[] Frame, FuseReplyContext Context);
