using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>
/// Enumerates the records of a READDIR or READDIRPLUS reply, each padded to 8 bytes. A malformed record ends the enumeration
/// (a validated reply has none).
/// </summary>
/// <remarks>
/// <code>
/// | [fuse_entry_out 128] | ino 8 | off 8 | namelen 4 | type 4 | name[namelen] | pad to 8 |
/// </code>
/// </remarks>
public ref struct FuseDirentEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private ReadOnlySpan<byte> _current;
    private readonly bool _plus;

    internal FuseDirentEnumerator(ReadOnlySpan<byte> data, bool plus)
    {
        _remaining = data;
        _current = default;
        _plus = plus;
    }

    /// <summary>The current record.</summary>
    public readonly FuseDirentEntry Current => new(_current, _plus);

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly FuseDirentEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next record.</summary>
    /// <returns>False at the end, or at a malformed record.</returns>
    public bool MoveNext()
    {
        int length = RecordLength(_remaining, _plus);
        if (length <= 0)
        {
            _remaining = default;
            return false;
        }

        _current = _remaining[..length];
        _remaining = _remaining[length..];
        return true;
    }

    /// <summary>Checks every record of a READDIR(PLUS) payload.</summary>
    internal static bool TryValidate(ReadOnlySpan<byte> data, int dataOffset, bool plus, FuseOpcode opcode, ulong unique, out FuseProtocolError error)
    {
        int offset = 0;
        while (offset < data.Length)
        {
            int length = RecordLength(data[offset..], plus);
            if (length <= 0)
            {
                error = new(FuseProtocolRule.DirentMalformed, opcode, unique, dataOffset + offset, -length, data.Length - offset);
                return false;
            }

            offset += length;
        }

        error = default;
        return true;
    }

    /// <summary>Returns the padded length of the record at the start of <paramref name="data"/>, or minus the bytes it needs when malformed (0 when empty).</summary>
    private static int RecordLength(ReadOnlySpan<byte> data, bool plus)
    {
        if (data.IsEmpty)
        {
            return 0;
        }

        int nameOffset = plus ? FuseConstants.NameOffsetDirentplus : FuseConstants.NameOffset;
        if (data.Length < nameOffset)
        {
            return -nameOffset;
        }

        uint nameLength = MemoryMarshal.Read<uint>(data[(nameOffset - 8)..]);
        if (nameLength == 0 || nameLength > FuseConstants.NameMax)
        {
            return -(nameOffset + (int)Math.Min(nameLength, FuseConstants.NameMax + 1u));
        }

        int padded = (nameOffset + (int)nameLength + 7) & ~7;
        if (padded > data.Length || data.Slice(nameOffset, (int)nameLength).Contains((byte)'/'))
        {
            return -padded;
        }

        return padded;
    }
}
