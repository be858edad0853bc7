using System;
using System.Globalization;
using FuseWire.Abi;

namespace FuseWire.Cli.Options;

/// <summary>Opcode names as the user types them: <c>LOOKUP</c>, <c>lookup</c>, <c>FUSE_LOOKUP</c> or the number.</summary>
internal static class OpcodeNames
{
    /// <summary>Parses an opcode name or number.</summary>
    /// <param name="text">The text.</param>
    /// <param name="opcode">The opcode.</param>
    /// <returns>True when it names a known opcode.</returns>
    public static bool TryParse(string text, out FuseOpcode opcode)
    {
        if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint number))
        {
            opcode = (FuseOpcode)number;
            return FuseNames.TryGetOpcodeName(opcode) is not null;
        }

        ReadOnlySpan<char> name = text.AsSpan();
        if (name.StartsWith("FUSE_", StringComparison.OrdinalIgnoreCase))
        {
            name = name[5..];
        }

        foreach (FuseOpcode candidate in Enum.GetValues<FuseOpcode>())
        {
            if (name.Equals(FuseNames.TryGetOpcodeName(candidate), StringComparison.OrdinalIgnoreCase))
            {
                opcode = candidate;
                return true;
            }
        }

        opcode = default;
        return false;
    }
}
