using System;
using System.Text;
using FuseWire.Abi;

namespace FuseWire.Cli.Stats;

/// <summary>INIT flags as fuse.h spells them without the <c>FUSE_</c> prefix: <c>ASYNC_READ|BIG_WRITES</c>.</summary>
internal static class FlagNames
{
    /// <summary>Renders a flag set.</summary>
    /// <param name="flags">The flags.</param>
    /// <returns><c>NAME|NAME</c>, unknown bits as hex; <c>0</c> when empty.</returns>
    public static string Format(FuseInitFlags flags)
    {
        if (flags == 0)
        {
            return "0";
        }

        var text = new StringBuilder();
        for (int bit = 0; bit < 64; bit++)
        {
            ulong mask = 1UL << bit;
            if (((ulong)flags & mask) == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append('|');
            }

            var flag = (FuseInitFlags)mask;
            string? name = Enum.IsDefined(flag) ? flag.ToString() : null;
            if (name is null)
            {
                text.Append("0x").Append(mask.ToString("x", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            if (name == nameof(FuseInitFlags.DirectIoRelax))
            {
                name = nameof(FuseInitFlags.DirectIoAllowMmap);
            }

            AppendSnake(text, name);
        }

        return text.ToString();
    }

    private static void AppendSnake(StringBuilder text, string pascal)
    {
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            bool upper = char.IsUpper(c) || char.IsDigit(c);
            if (i > 0 && upper)
            {
                char previous = pascal[i - 1];
                bool nextLower = i + 1 < pascal.Length && char.IsLower(pascal[i + 1]);
                if (char.IsLower(previous) || (char.IsUpper(previous) && nextLower && !char.IsDigit(c)))
                {
                    text.Append('_');
                }
            }

            text.Append(char.ToUpperInvariant(c));
        }
    }
}
