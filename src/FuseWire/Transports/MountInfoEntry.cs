using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace FuseWire.Transports;

/// <summary>One line of /proc/self/mountinfo: the fields FuseWire looks at.</summary>
/// <param name="MountPoint">Field 5, unescaped.</param>
/// <param name="FileSystemType">The first field after the " - " separator.</param>
/// <param name="Source">The second field after the separator, unescaped.</param>
internal readonly record struct MountInfoEntry(string MountPoint, string FileSystemType, string Source)
{
    /// <summary>The kernel's per-process mount table.</summary>
    internal const string SelfMountInfo = "/proc/self/mountinfo";

    /// <summary>Parses one mountinfo line.</summary>
    /// <param name="line">The line.</param>
    /// <param name="entry">The entry.</param>
    /// <returns>False when the line is malformed.</returns>
    internal static bool TryParse(string line, out MountInfoEntry entry)
    {
        entry = default;
        string[] fields = line.Split(' ');
        int separator = fields.Length < 7 ? -1 : Array.IndexOf(fields, "-", 6);
        if (separator < 0 || separator + 2 >= fields.Length)
        {
            return false;
        }

        entry = new MountInfoEntry(Unescape(fields[4]), Unescape(fields[separator + 1]), Unescape(fields[separator + 2]));
        return true;
    }

    /// <summary>Parses a whole mountinfo text, skipping malformed lines.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The entries in order.</returns>
    internal static List<MountInfoEntry> ParseAll(string text)
    {
        List<MountInfoEntry> entries = [];
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParse(line, out MountInfoEntry entry))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Reads and parses /proc/self/mountinfo.</summary>
    /// <returns>The entries.</returns>
    internal static List<MountInfoEntry> ReadSelf() => ParseAll(File.ReadAllText(SelfMountInfo));

    /// <summary>Undoes the kernel's octal escapes (<c>\040</c> space, <c>\011</c> tab, <c>\012</c> newline, <c>\134</c> backslash).</summary>
    /// <param name="field">An escaped field.</param>
    /// <returns>The plain text.</returns>
    internal static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        List<byte> bytes = new(field.Length);
        byte[] utf8 = Encoding.UTF8.GetBytes(field);
        for (int i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\\' && i + 3 < utf8.Length && IsOctal(utf8[i + 1]) && IsOctal(utf8[i + 2]) && IsOctal(utf8[i + 3]))
            {
                bytes.Add((byte)(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0')));
                i += 3;
            }
            else
            {
                bytes.Add(utf8[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsOctal(byte value) => value is >= (byte)'0' and <= (byte)'7';
}
