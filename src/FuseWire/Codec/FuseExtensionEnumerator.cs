using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Validation;

namespace FuseWire.Codec;

/// <summary>Enumerates the extensions at the end of a request (<c>foreach (var ext in request.EnumerateExtensions())</c>).</summary>
public ref struct FuseExtensionEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private ReadOnlySpan<byte> _current;

    internal FuseExtensionEnumerator(ReadOnlySpan<byte> area)
    {
        _remaining = area;
        _current = default;
    }

    /// <summary>The current extension.</summary>
    public readonly FuseExtension Current => new(_current);

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly FuseExtensionEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next extension; the area was validated when the request was decoded.</summary>
    /// <returns>False at the end.</returns>
    public bool MoveNext()
    {
        if (_remaining.Length < FuseExtHeader.StructSize)
        {
            return false;
        }

        uint size = MemoryMarshal.Read<uint>(_remaining);
        if (size < FuseExtHeader.StructSize || size > (uint)_remaining.Length)
        {
            return false;
        }

        _current = _remaining[..(int)size];
        _remaining = _remaining[(int)size..];
        return true;
    }

    /// <summary>Checks that an extension area is a sequence of well-formed extensions that fill it exactly.</summary>
    internal static bool TryValidate(ReadOnlySpan<byte> area, int areaOffset, FuseOpcode opcode, ulong unique, out FuseProtocolError error)
    {
        int offset = 0;
        while (offset < area.Length)
        {
            uint size = area.Length - offset >= FuseExtHeader.StructSize ? MemoryMarshal.Read<uint>(area[offset..]) : 0;
            if (size < FuseExtHeader.StructSize || size % 8 != 0 || size > (uint)(area.Length - offset))
            {
                error = new(FuseProtocolRule.ExtensionMalformed, opcode, unique, areaOffset + offset, size, area.Length - offset);
                return false;
            }

            offset += (int)size;
        }

        error = default;
        return true;
    }
}
