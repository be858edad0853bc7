using System;
using System.Globalization;
using System.Text;

namespace FuseWire.Formatting;

/// <summary>
/// Builds one strace-style line: space-separated <c>name=value</c> fields, with nested <c>{...}</c> groups and <c>[...]</c> lists.
/// Numbers are written with the invariant culture; names are quoted and escaped.
/// </summary>
internal sealed class FuseLineWriter
{
    /// <summary>Data up to this many bytes is shown as a quoted preview; longer data as <c>&lt;N bytes&gt;</c>.</summary>
    public const int PreviewLimit = 32;

    /// <summary>Lists (forgets, dirent names, node ids) show at most this many items, then <c>...</c>.</summary>
    public const int ListLimit = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private StringBuilder _text = new(128);
    private bool _needSpace;

    /// <summary>Makes the writer append to another builder, from a fresh start (no separator before the first word).</summary>
    /// <param name="text">The builder the next line is appended to.</param>
    public void Reset(StringBuilder text)
    {
        _text = text;
        _needSpace = false;
    }

    /// <summary>Appends a bare word (an opcode or reply kind), separated by a space from what precedes it.</summary>
    /// <param name="word">The word.</param>
    public void Word(string word)
    {
        Separate();
        _text.Append(word);
    }

    /// <summary>Appends <c>name=value</c> for an unsigned number.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Field(string name, ulong value)
    {
        Separate();
        _text.Append(Invariant, $"{name}={value}");
    }

    /// <summary>Appends <c>name=value</c> for a signed number.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Signed(string name, long value)
    {
        Separate();
        _text.Append(Invariant, $"{name}={value}");
    }

    /// <summary>Appends <c>name=text</c> with the text as is (a symbolic value such as <c>SEEK_DATA</c>).</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="text">The value's text.</param>
    public void Symbol(string name, string text)
    {
        Separate();
        _text.Append(name).Append('=').Append(text);
    }

    /// <summary>Appends <c>name=prefixtext</c> (<c>error=-ENOENT</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="prefix">Text before the symbol.</param>
    /// <param name="text">The symbol.</param>
    public void Symbol(string name, string prefix, string text)
    {
        Separate();
        _text.Append(name).Append('=').Append(prefix).Append(text);
    }

    /// <summary>Appends <c>name=a.b</c> or <c>name=a:b</c>: a version (<c>7.45</c>) or a device number (<c>8:1</c>).</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="first">The first number.</param>
    /// <param name="separator">The separator.</param>
    /// <param name="second">The second number.</param>
    public void Pair(string name, ulong first, char separator, ulong second)
    {
        Separate();
        _text.Append(Invariant, $"{name}={first}{separator}{second}");
    }

    /// <summary>Appends <c>name=0x1f</c>.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Hex(string name, ulong value)
    {
        Separate();
        _text.Append(Invariant, $"{name}=0x{value:x}");
    }

    /// <summary>Appends <c>name=0100644</c>: octal with a leading 0 (a plain <c>0</c> for zero).</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="value">The value.</param>
    public void Octal(string name, uint value)
    {
        Separate();
        _text.Append(name).Append('=');
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

        _text.Append(digits[start..]);
    }

    /// <summary>Appends <c>name=seconds.nanoseconds</c>, the nanoseconds as nine digits.</summary>
    /// <param name="name">The field's kernel name.</param>
    /// <param name="seconds">The seconds.</param>
    /// <param name="nanoseconds">The nanoseconds.</param>
    public void Time(string name, long seconds, uint nanoseconds)
    {
        Separate();
        _text.Append(Invariant, $"{name}={seconds}.{nanoseconds:D9}");
    }

    /// <summary>Appends <c>name="text"</c>, escaping quotes, backslashes and non-printable bytes.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="bytes">The raw bytes.</param>
    public void Quoted(string name, ReadOnlySpan<byte> bytes)
    {
        Separate();
        _text.Append(name).Append('=');
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
        Separate();
        _text.Append(Invariant, $"{name}=<{length} bytes>");
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
        Separate();
        _text.Append(name).Append('=');
        if (value == 0)
        {
            _text.Append('0');
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
                    _text.Append('|');
                }

                _text.Append(flag.Name);
                rest &= ~flag.Bit;
                first = false;
            }
        }

        if (rest != 0)
        {
            if (!first)
            {
                _text.Append('|');
            }

            _text.Append(Invariant, $"0x{rest:x}");
        }
    }

    /// <summary>Opens a group: <c>name={</c>.</summary>
    /// <param name="name">The group's name.</param>
    public void BeginGroup(string name)
    {
        Separate();
        _text.Append(name).Append("={");
        _needSpace = false;
    }

    /// <summary>Opens an unnamed group inside a list: <c>{</c>.</summary>
    public void BeginItem()
    {
        Separate();
        _text.Append('{');
        _needSpace = false;
    }

    /// <summary>Closes a group: <c>}</c>.</summary>
    public void EndGroup()
    {
        _text.Append('}');
        _needSpace = true;
    }

    /// <summary>Opens a list: <c>name=[</c>.</summary>
    /// <param name="name">The list's name.</param>
    public void BeginList(string name)
    {
        Separate();
        _text.Append(name).Append("=[");
        _needSpace = false;
    }

    /// <summary>Closes a list: <c>]</c>.</summary>
    public void EndList()
    {
        _text.Append(']');
        _needSpace = true;
    }

    /// <summary>Appends a bare unsigned number as a list item.</summary>
    /// <param name="value">The value.</param>
    public void Item(ulong value)
    {
        Separate();
        _text.Append(Invariant, $"{value}");
    }

    /// <summary>Appends <c>...</c> to mark a list cut at <see cref="ListLimit"/> items.</summary>
    public void Ellipsis() => Word("...");

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

    private void Separate()
    {
        if (_needSpace)
        {
            _text.Append(' ');
        }

        _needSpace = true;
    }

    private void AppendQuoted(ReadOnlySpan<byte> bytes)
    {
        _text.Append('"');
        foreach (byte b in bytes)
        {
            switch (b)
            {
                case (byte)'"':
                    _text.Append("\\\"");
                    break;
                case (byte)'\\':
                    _text.Append("\\\\");
                    break;
                case >= 0x20 and < 0x7f:
                    _text.Append((char)b);
                    break;
                default:
                    _text.Append(Invariant, $"\\x{b:x2}");
                    break;
            }
        }

        _text.Append('"');
    }
}
