using FuseWire.Cli.Analysis;
using FuseWire.Cli.Options;

namespace FuseWire.Cli.Dump;

/// <summary>The <c>--opcode</c>, <c>--unique</c> and <c>--errors-only</c> filters of <c>dump</c>; every frame is still analysed.</summary>
internal static class FrameFilter
{
    /// <summary>Whether the frame is shown.</summary>
    /// <param name="options">The filters.</param>
    /// <param name="frame">The frame.</param>
    /// <returns>True when every filter given lets it through.</returns>
    public static bool Matches(CommandOptions options, in AnalyzedFrame frame)
    {
        if (options.Opcode is { } opcode && (frame.Kind is not (FrameKind.Request or FrameKind.Reply) || frame.Opcode != opcode))
        {
            return false;
        }

        if (options.Unique is { } unique && frame.Unique != unique)
        {
            return false;
        }

        return !options.ErrorsOnly || frame.HasFinding || (frame.Kind == FrameKind.Reply && frame.Errno != 0);
    }
}
