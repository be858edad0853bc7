namespace FuseWire.Validation;

/// <summary>The outcome of validating one frame: an error that makes it unusable, and a warning that does not.</summary>
/// <param name="Error">The error; its rule is <see cref="FuseProtocolRule.None"/> when the frame is usable.</param>
/// <param name="Warning">A finding that leaves the frame usable (a long reply in lenient mode).</param>
public readonly record struct FuseValidationResult(FuseProtocolError Error, FuseProtocolError Warning)
{
    /// <summary>Whether the frame is usable.</summary>
    public bool IsValid => !Error.IsError;

    /// <summary>Whether a warning was raised.</summary>
    public bool HasWarning => Warning.IsError;
}
