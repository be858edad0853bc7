using System.Globalization;
using FuseWire.Abi;

namespace FuseWire.Validation;

/// <summary>
/// What a decoder or validator found wrong with a frame: the rule, where, and the values involved. A plain value, so the non-throwing tier allocates nothing.
/// </summary>
/// <param name="Rule">The rule broken.</param>
/// <param name="Opcode">The opcode of the request (or of the request a reply answers); 0 when not known yet.</param>
/// <param name="Unique">The frame's unique; 0 when not known yet.</param>
/// <param name="Offset">The byte offset in the frame where the problem was found.</param>
/// <param name="Actual">The offending value (a length, a count, an error code).</param>
/// <param name="Expected">The limit it was checked against.</param>
public readonly record struct FuseProtocolError(FuseProtocolRule Rule, FuseOpcode Opcode, ulong Unique, int Offset, long Actual, long Expected)
{
    /// <summary>Whether this describes a problem (Rule is not <see cref="FuseProtocolRule.None"/>).</summary>
    public bool IsError => Rule != FuseProtocolRule.None;

    /// <summary>Renders the error as one line: rule, opcode, unique, offset and values.</summary>
    /// <returns>A human-readable description.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rule} (opcode={FuseNames.OpcodeName(Opcode)} unique={Unique} offset={Offset} actual={Actual} expected={Expected})");
}
