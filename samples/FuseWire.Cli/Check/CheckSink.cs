using System.Globalization;
using System.IO;
using FuseWire.Cli.Analysis;
using FuseWire.Validation;

namespace FuseWire.Cli.Check;

/// <summary>Lists each protocol violation (and warning) as one line and counts them; a clean frame costs no allocation.</summary>
internal sealed class CheckSink : IFrameSink
{
    private readonly TextWriter _stdout;

    /// <summary>Creates the sink.</summary>
    /// <param name="stdout">Where findings go.</param>
    public CheckSink(TextWriter stdout)
    {
        _stdout = stdout;
    }

    /// <summary>Frames read.</summary>
    public long Frames { get; private set; }

    /// <summary>Violations found.</summary>
    public long Violations { get; private set; }

    /// <summary>Warnings found (usable frames that break a rule leniently).</summary>
    public long Warnings { get; private set; }

    /// <summary>Frames whose direction the reader had to guess.</summary>
    public long Guessed { get; private set; }

    /// <inheritdoc/>
    public void OnFrame(ref AnalyzedFrame frame)
    {
        Frames++;
        if (frame.DirectionGuessed)
        {
            Guessed++;
        }

        if (frame.Error.IsError)
        {
            Violations++;
            Write(frame, "violation", frame.Error);
        }

        if (frame.Warning.IsError)
        {
            Warnings++;
            Write(frame, "warning", frame.Warning);
        }
    }

    /// <summary>Renders a finding as one line: frame index, unique, opcode, direction, rule, offset and values.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="error">The finding.</param>
    /// <returns>The line (without a newline).</returns>
    public static string Describe(in AnalyzedFrame frame, in FuseProtocolError error) => string.Create(
        CultureInfo.InvariantCulture,
        $"frame {frame.Index} unique={frame.Unique} {FrameText.Subject(frame)}: {error.Rule} at offset {error.Offset} (actual={error.Actual} expected={error.Expected})");

    private void Write(in AnalyzedFrame frame, string what, in FuseProtocolError error) =>
        _stdout.WriteLine($"{what}: {Describe(frame, error)}");
}
