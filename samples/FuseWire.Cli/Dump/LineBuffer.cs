using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace FuseWire.Cli.Dump;

/// <summary>
/// A reusable builder that one output line is composed in (the frame formatter appends to it directly), then written to a
/// <see cref="TextWriter"/> chunk by chunk: no allocation per line once it has grown to the longest line.
/// </summary>
internal sealed class LineBuffer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly StringBuilder _text = new(512);

    /// <summary>The builder, for formatters that append to one.</summary>
    public StringBuilder Builder => _text;

    /// <summary>Appends text.</summary>
    /// <param name="text">The text.</param>
    public void Append(ReadOnlySpan<char> text) => _text.Append(text);

    /// <summary>Appends one character.</summary>
    /// <param name="c">The character.</param>
    public void Append(char c) => _text.Append(c);

    /// <summary>Appends a number in the invariant culture.</summary>
    /// <param name="value">The number.</param>
    public void Append(long value) => _text.Append(Invariant, $"{value}");

    /// <summary>Appends an unsigned number in the invariant culture.</summary>
    /// <param name="value">The number.</param>
    public void Append(ulong value) => _text.Append(Invariant, $"{value}");

    /// <summary>Appends <c>whole.fraction</c> for a value in units of 10^-digits (nanoseconds as seconds: digits 9).</summary>
    /// <param name="value">The value; negative values keep their sign.</param>
    /// <param name="digits">Digits after the point (1 to 9).</param>
    public void AppendFixed(long value, int digits)
    {
        long scale = 1;
        for (int i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        if (value < 0)
        {
            Append('-');
            value = value == long.MinValue ? long.MaxValue : -value;
        }

        Append(value / scale);
        Append('.');
        Span<char> fraction = stackalloc char[digits];
        long rest = value % scale;
        for (int i = digits - 1; i >= 0; i--)
        {
            fraction[i] = (char)('0' + (rest % 10));
            rest /= 10;
        }

        _text.Append(fraction);
    }

    /// <summary>Writes the line and a newline, then empties the builder.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteLineTo(TextWriter writer)
    {
        _text.Append('\n');
        writer.Write(_text);
        _text.Clear();
    }
}
