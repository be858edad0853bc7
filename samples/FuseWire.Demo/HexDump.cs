using System;
using System.IO;
using System.Text;

namespace FuseWire.Demo;

/// <summary>Prints bytes as offset, 16 hex bytes per row, and their ASCII.</summary>
internal static class HexDump
{
    public static void Write(TextWriter output, ReadOnlySpan<byte> bytes)
    {
        StringBuilder line = new();
        for (int row = 0; row < bytes.Length; row += 16)
        {
            ReadOnlySpan<byte> chunk = bytes.Slice(row, Math.Min(16, bytes.Length - row));
            line.Clear().Append("      ").Append(row.ToString("x4", null)).Append(' ');
            for (int i = 0; i < 16; i++)
            {
                line.Append(i < chunk.Length ? " " + chunk[i].ToString("x2", null) : "   ");
            }

            line.Append("  ");
            foreach (byte b in chunk)
            {
                line.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
            }

            output.WriteLine(line.ToString());
        }
    }
}
