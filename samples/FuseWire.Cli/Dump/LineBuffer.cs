using System;
using System.Globalization;
using System.IO;

namespace FuseWire.Cli.Dump;

/// <summary>A reusable character buffer that one output line is composed in, then written to a <see cref="TextWriter"/> in one call.</summary>
internal sealed class LineBuffer
{
    private char[] _chars = new char[512];
    private int _length;

    /// <summary>Empties the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Appends text.</summary>
    /// <param name="text">The text.</param>
    public void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Appends one character.</summary>
    /// <param name="c">The character.</param>
    public void Append(char c)
    {
        Reserve(1);
        _chars[_length++] = c;
    }

    /// <summary>Appends a number in the invariant culture.</summary>
    /// <param name="value">The number.</param>
    public void Append(long value)
    {
        Reserve(20);
        _ = value.TryFormat(_chars.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Appends an unsigned number in the invariant culture.</summary>
    /// <param name="value">The number.</param>
    public void Append(ulong value)
    {
        Reserve(20);
        _ = value.TryFormat(_chars.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

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
        Reserve(digits);
        long fraction = value % scale;
        for (int i = digits - 1; i >= 0; i--)
        {
            _chars[_length + i] = (char)('0' + (fraction % 10));
            fraction /= 10;
        }

        _length += digits;
    }

    /// <summary>Writes the buffer and a newline, then empties it.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteLineTo(TextWriter writer)
    {
        Append('\n');
        writer.Write(_chars, 0, _length);
        _length = 0;
    }

    private void Reserve(int count)
    {
        if (_length + count > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + count));
        }
    }
}
