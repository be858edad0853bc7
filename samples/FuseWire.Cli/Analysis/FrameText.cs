using FuseWire.Abi;

namespace FuseWire.Cli.Analysis;

/// <summary>Short words that name a frame in messages.</summary>
internal static class FrameText
{
    /// <summary>What the frame is: <c>LOOKUP request</c>, <c>LOOKUP reply</c>, <c>notification</c>, <c>reply</c> (to an unknown request).</summary>
    /// <param name="frame">The frame.</param>
    /// <returns>The words.</returns>
    public static string Subject(in AnalyzedFrame frame) => frame.Kind switch
    {
        FrameKind.Request => OpcodeName(frame.Opcode) + " request",
        FrameKind.Reply when frame.Opcode != 0 => OpcodeName(frame.Opcode) + " reply",
        FrameKind.Reply => "reply",
        FrameKind.Notification => "notification",
        _ => "frame of unknown direction",
    };

    /// <summary>The opcode's kernel name, or <c>OPCODE(N)</c>.</summary>
    /// <param name="opcode">The opcode.</param>
    /// <returns>The name.</returns>
    public static string OpcodeName(FuseOpcode opcode) => FuseNames.OpcodeName(opcode);
}
