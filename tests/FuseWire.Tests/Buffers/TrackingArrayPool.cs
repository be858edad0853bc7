using System;
using System.Buffers;
using System.Collections.Generic;

namespace FuseWire.Tests.Buffers;

/// <summary>An array pool that hands out arrays of exactly the size asked, filled with <see cref="Poison"/> as reused memory
/// would be, poisons them again when they come back (so a use after return shows), and records every rent and return: a test
/// sees what was rented, and that all of it came back.</summary>
internal sealed class TrackingArrayPool : ArrayPool<byte>
{
    public const byte Poison = 0xCD;

    public const byte Returned = 0xDD;

    private readonly HashSet<byte[]> _outstanding = new(ReferenceEqualityComparer.Instance);

    public List<int> Rents { get; } = [];

    public int Outstanding => _outstanding.Count;

    public override byte[] Rent(int minimumLength)
    {
        Rents.Add(minimumLength);
        byte[] array = new byte[minimumLength];
        array.AsSpan().Fill(Poison);
        _outstanding.Add(array);
        return array;
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        if (!_outstanding.Remove(array))
        {
            throw new InvalidOperationException("An array was returned twice, or was never rented from this pool.");
        }

        array.AsSpan().Fill(Returned);
    }
}
