using System;
using System.Globalization;
using FuseWire.Abi;

namespace FuseWire.Cli.Options;

/// <summary>Parses the arguments after a command word: options in any order, exactly one FILE.</summary>
internal static class CommandLineParser
{
    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The arguments after the command word.</param>
    /// <param name="allowed">The options the command accepts.</param>
    /// <param name="options">The parsed options, when valid.</param>
    /// <param name="error">What is wrong, when not.</param>
    /// <returns>True when the command line is valid.</returns>
    public static bool TryParse(string[] args, OptionSet allowed, out CommandOptions options, out string error)
    {
        options = new CommandOptions();
        error = "";
        bool haveFile = false;
        bool endOfOptions = false;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (endOfOptions || arg == "-" || !arg.StartsWith('-'))
            {
                if (haveFile)
                {
                    error = $"more than one FILE ('{options.File}' and '{arg}')";
                    return false;
                }

                options.File = arg;
                haveFile = true;
                continue;
            }

            string name = arg;
            string? inline = null;
            int equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inline = arg[(equals + 1)..];
            }

            switch (name)
            {
                case "--":
                    endOfOptions = true;
                    break;
                case "--minor" when (allowed & OptionSet.Minor) != 0:
                    if (!TryValue(args, ref i, name, inline, out string minorText, out error))
                    {
                        return false;
                    }

                    if (!TryParseMinor(minorText, out uint minor))
                    {
                        error = $"--minor wants a protocol version 7.N with N from 1 to {FuseConstants.KernelMinorVersion}, not '{minorText}'";
                        return false;
                    }

                    options.Minor = minor;
                    break;
                case "--json" when (allowed & OptionSet.Json) != 0 && inline is null:
                    options.Json = true;
                    break;
                case "--strict" when (allowed & OptionSet.Strict) != 0 && inline is null:
                    options.Strict = true;
                    break;
                case "--errors-only" when (allowed & OptionSet.Filters) != 0 && inline is null:
                    options.ErrorsOnly = true;
                    break;
                case "--opcode" when (allowed & OptionSet.Filters) != 0:
                    if (!TryValue(args, ref i, name, inline, out string opcodeText, out error))
                    {
                        return false;
                    }

                    if (!OpcodeNames.TryParse(opcodeText, out FuseOpcode opcode))
                    {
                        error = $"--opcode wants an opcode name such as LOOKUP or READ (or its number), not '{opcodeText}'";
                        return false;
                    }

                    options.Opcode = opcode;
                    break;
                case "--unique" when (allowed & OptionSet.Filters) != 0:
                    if (!TryValue(args, ref i, name, inline, out string uniqueText, out error))
                    {
                        return false;
                    }

                    if (!ulong.TryParse(uniqueText, NumberStyles.None, CultureInfo.InvariantCulture, out ulong unique))
                    {
                        error = $"--unique wants an unsigned decimal number, not '{uniqueText}'";
                        return false;
                    }

                    options.Unique = unique;
                    break;
                default:
                    error = $"unknown option '{arg}'";
                    return false;
            }
        }

        if (!haveFile)
        {
            error = "missing FILE (a pcapng transcript, or - for standard input)";
            return false;
        }

        return true;
    }

    /// <summary>Parses <c>7.N</c> (or just <c>N</c>) into a minor version the library can decode.</summary>
    /// <param name="text">The text.</param>
    /// <param name="minor">The minor.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParseMinor(string text, out uint minor)
    {
        ReadOnlySpan<char> digits = text.AsSpan();
        if (digits.StartsWith("7.", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out minor) && minor >= 1 && minor <= FuseConstants.KernelMinorVersion;
    }

    private static bool TryValue(string[] args, ref int i, string name, string? inline, out string value, out string error)
    {
        error = "";
        if (inline is not null)
        {
            value = inline;
            return true;
        }

        if (i + 1 >= args.Length)
        {
            value = "";
            error = $"{name} needs a value";
            return false;
        }

        value = args[++i];
        return true;
    }
}
