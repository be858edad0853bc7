using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;

namespace FuseWire.Codec;

/// <summary>
/// Enumerates the contexts of a security-context extension: each a <see cref="FuseSecctx"/>, a NUL-terminated name and <c>size</c> bytes, padded to 8.
/// A malformed entry ends the enumeration.
/// </summary>
public ref struct FuseSecurityContextEnumerator
{
    private ReadOnlySpan<byte> _remaining;
    private uint _left;
    private ReadOnlySpan<byte> _name;
    private ReadOnlySpan<byte> _value;

    internal FuseSecurityContextEnumerator(ReadOnlySpan<byte> body, uint count)
    {
        _remaining = body;
        _left = count;
        _name = default;
        _value = default;
    }

    /// <summary>The current context.</summary>
    public readonly FuseSecurityContext Current => new(_name, _value);

    /// <summary>Returns this enumerator.</summary>
    /// <returns>This.</returns>
    public readonly FuseSecurityContextEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next context.</summary>
    /// <returns>False at the end or at a malformed entry.</returns>
    public bool MoveNext()
    {
        if (_left == 0 || _remaining.Length < FuseSecctx.StructSize)
        {
            return false;
        }

        uint size = MemoryMarshal.Read<uint>(_remaining);
        ReadOnlySpan<byte> rest = _remaining[FuseSecctx.StructSize..];
        int nul = rest.IndexOf((byte)0);
        if (nul < 0 || size > (uint)(rest.Length - nul - 1))
        {
            _left = 0;
            return false;
        }

        _name = rest[..nul];
        _value = rest.Slice(nul + 1, (int)size);
        int record = FuseSecctx.StructSize + nul + 1 + (int)size;
        record = (record + 7) & ~7;
        _remaining = record >= _remaining.Length ? default : _remaining[record..];
        _left--;
        return true;
    }
}
