using System;
using System.Globalization;
using FuseWire.Validation;

namespace FuseWire.Fuzzing;

/// <summary>Contract checks shared by the targets.</summary>
internal static class FrameChecks
{
    /// <summary>A rejection names a rule and an offset inside the frame (or its end).</summary>
    public static void Rejection(string target, in FuseProtocolError error, int frameLength)
    {
        if (!error.IsError)
        {
            throw new FuzzContractException(target + ": a frame was refused without a rule.");
        }

        if (error.Offset < 0 || error.Offset > frameLength)
        {
            throw new FuzzContractException(string.Create(
                CultureInfo.InvariantCulture, $"{target}: {error.Rule} names offset {error.Offset}, outside the {frameLength}-byte frame."));
        }
    }

    /// <summary>The throwing decoder refused with the same error as the non-throwing one.</summary>
    public static void SameError(string target, in FuseProtocolError expected, FuseProtocolException? thrown)
    {
        if (thrown is null)
        {
            throw new FuzzContractException(target + ": Parse accepted a frame that TryParse refused: " + expected.ToString());
        }

        if (thrown.Error != expected)
        {
            throw new FuzzContractException(target + ": Parse and TryParse disagree: " + thrown.Error.ToString() + " vs " + expected.ToString(), thrown);
        }
    }

    /// <summary>A span lies inside the frame.</summary>
    public static void Inside(string target, string what, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> part)
    {
        if (part.IsEmpty)
        {
            return;
        }

        if (!frame.Overlaps(part, out int offset) || offset < 0 || offset + part.Length > frame.Length)
        {
            throw new FuzzContractException(target + ": " + what + " lies outside the frame.");
        }
    }
}
