using System;
using System.Globalization;
using System.Text;

namespace FuseWire.Formatting;

/// <summary>
/// Builds one strace-style line: space-separated <c>name=value</c> fields, with nested <c>{...}</c> groups and <c>[...]</c> lists.
/// Numbers are written with the invariant culture; names are quoted and escaped.
/// </summary>
/// <remarks>The line is composed in a character array the writer owns and reuses (numbers formatted straight into it), then
/// copied out once: <see cref="ToString"/> or <see cref="CopyTo"/>.</remarks>
internal sealed class FuseLineWriter
{
    /// <summary>Data up to this many bytes is shown as a quoted preview; longer data as <c>&lt;N bytes&gt;</c>.</summary>
    public const int PreviewLimit = 32;

    /// <summary>Lists (forgets, dirent names, node ids) show at most this many items, then <c>...</c>.</summary>
    public const int ListLimit = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private char[] _chars = new char[256];
    private int _length;
    private bool _needSpace;

    /// <summary>Starts a new line (no separator before the first word).</summary>
    public void Reset()
    {
        _length = 0;
        _needSpace = false;
    }

    /// <summary>Appends the line to <paramref name="destination"/>.</summary>
    /// <param name="destination">The builder.</param>
    public void CopyTo(StringBuilder destination) => destination.Append(_chars, 0, _length);

    /// <summary>Appends a bare word (an opcode or reply kind), separated by a space from what precedes it.</summary>
    /// <param name="word">The word.</param>
    public void Word(string word)
    {
        Separate();
        Append(word);
    }

    /// <summary>Appends <c>name=value</c> for an unsigned number.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Field(string name, ulong value)
    {
        Name(name);
        Number(value);
    }

    /// <summary>Appends <c>name=value</c> for a signed number.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Signed(string name, long value)
    {
        Name(name);
        Number(value);
    }

    /// <summary>Appends <c>name=text</c> with the text as is (a symbolic value such as <c>SEEK_DATA</c>).</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="text">The value's text.</param>
    public void Symbol(string name, string text)
    {
        Name(name);
        Append(text);
    }

    /// <summary>Appends <c>name=prefixtext</c> (<c>error=-ENOENT</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="prefix">Text before the symbol.</param>
    /// <param name="text">The symbol.</param>
    public void Symbol(string name, string prefix, string text)
    {
        Name(name);
        Append(prefix);
        Append(text);
    }

    /// <summary>Appends <c>name=a.b</c> or <c>name=a:b</c>: a version (<c>7.45</c>) or a device number (<c>8:1</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="first">The first number.</param>
    /// <param name="separator">The separator.</param>
    /// <param name="second">The second number.</param>
    public void Pair(string name, ulong first, char separator, ulong second)
    {
        Name(name);
        Number(first);
        Append(separator);
        Number(second);
    }

    /// <summary>Appends <c>name=0x1f</c>.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Hex(string name, ulong value)
    {
        Name(name);
        Append("0x");
        Number(value, "x");
    }

    /// <summary>Appends <c>name=0100644</c>: octal with a leading 0 (a plain <c>0</c> for zero).</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Octal(string name, uint value)
    {
        Name(name);
        Span<char> digits = stackalloc char[12];
        int start = digits.Length;
        do
        {
            digits[--start] = (char)('0' + (value & 7));
            value >>= 3;
        }
        while (value != 0);

        digits[--start] = '0';
        if (start == digits.Length - 2 && digits[^1] == '0')
        {
            start++;
        }

        Append(digits[start..]);
    }

    /// <summary>Appends <c>name=seconds.nanoseconds</c>, the nanoseconds as nine digits.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="seconds">The seconds.</param>
    /// <param name="nanoseconds">The nanoseconds.</param>
    public void Time(string name, long seconds, uint nanoseconds)
    {
        Name(name);
        Number(seconds);
        Append('.');
        Number(nanoseconds, "D9");
    }

    /// <summary>Appends <c>name="text"</c>, escaping quotes, backslashes and non-printable bytes.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="bytes">The raw bytes.</param>
    public void Quoted(string name, ReadOnlySpan<byte> bytes)
    {
        Name(name);
        AppendQuoted(bytes);
    }

    /// <summary>Appends a quoted string as a list item or bare value.</summary>
    /// <param name="bytes">The raw bytes.</param>
    public void QuotedItem(ReadOnlySpan<byte> bytes)
    {
        Separate();
        AppendQuoted(bytes);
    }

    /// <summary>Appends <c>name=&lt;N bytes&gt;</c>.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="length">The number of bytes.</param>
    public void Size(string name, int length)
    {
        Name(name);
        Append('<');
        Number(length);
        Append(" bytes>");
    }

    /// <summary>Appends data: quoted when short (at most <see cref="PreviewLimit"/> bytes), <c>&lt;N bytes&gt;</c> otherwise.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="bytes">The data.</param>
    public void Preview(string name, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= PreviewLimit)
        {
            Quoted(name, bytes);
        }
        else
        {
            Size(name, bytes.Length);
        }
    }

    /// <summary>Appends <c>name=A|B|0x40</c>: the set bits by their names, unknown bits in hex, <c>0</c> when empty.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The flag bits.</param>
    /// <param name="table">The names of single bits.</param>
    public void Flags(string name, ulong value, FuseFlagTable table)
    {
        Name(name);
        if (value == 0)
        {
            Append('0');
            return;
        }

        bool first = true;
        ulong rest = value;
        foreach (FuseFlagName flag in table.Names)
        {
            if ((value & flag.Bit) == flag.Bit && (rest & flag.Bit) != 0)
            {
                if (!first)
                {
                    Append('|');
                }

                Append(flag.Name);
                rest &= ~flag.Bit;
                first = false;
            }
        }

        if (rest != 0)
        {
            if (!first)
            {
                Append('|');
            }

            Append("0x");
            Number(rest, "x");
        }
    }

    /// <summary>Opens a group: <c>name={</c>.</summary>
    /// <param name="name">The group's name.</param>
    public void BeginGroup(string name)
    {
        Name(name);
        Append('{');
        _needSpace = false;
    }

    /// <summary>Opens an unnamed group inside a list: <c>{</c>.</summary>
    public void BeginItem()
    {
        Separate();
        Append('{');
        _needSpace = false;
    }

    /// <summary>Closes a group: <c>}</c>.</summary>
    public void EndGroup()
    {
        Append('}');
        _needSpace = true;
    }

    /// <summary>Opens a list: <c>name=[</c>.</summary>
    /// <param name="name">The list's name.</param>
    public void BeginList(string name)
    {
        Name(name);
        Append('[');
        _needSpace = false;
    }

    /// <summary>Closes a list: <c>]</c>.</summary>
    public void EndList()
    {
        Append(']');
        _needSpace = true;
    }

    /// <summary>Appends a bare unsigned number as a list item.</summary>
    /// <param name="value">The value.</param>
    public void Item(ulong value)
    {
        Separate();
        Number(value);
    }

    /// <summary>Appends <c>...</c> to mark a list cut at <see cref="ListLimit"/> items.</summary>
    public void Ellipsis() => Word("...");

    /// <inheritdoc/>
    public override string ToString() => new(_chars, 0, _length);

    private void Separate()
    {
        if (_needSpace)
        {
            Append(' ');
        }

        _needSpace = true;
    }

    private void Name(string name)
    {
        Separate();
        Append(name);
        Append('=');
    }

    private void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length - _length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    private void Number<T>(T value, ReadOnlySpan<char> format = default)
        where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_chars.AsSpan(_length), out written, format, Invariant))
        {
            Grow(32);
        }

        _length += written;
    }

    private void Grow(int needed) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + needed));

    private void AppendQuoted(ReadOnlySpan<byte> bytes)
    {
        Append('"');
        foreach (byte b in bytes)
        {
            switch (b)
            {
                case (byte)'"':
                    Append("\\\"");
                    break;
                case (byte)'\\':
                    Append("\\\\");
                    break;
                case >= 0x20 and < 0x7f:
                    Append((char)b);
                    break;
                default:
                    Append("\\x");
                    Number(b, "x2");
                    break;
            }
        }

        Append('"');
    }
}
