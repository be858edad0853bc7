using System;

namespace BenchFs;

/// <summary>The 251-periodic content table: byte k is k % 251, long enough for any one READ reply plus one period.</summary>
internal sealed class PatternTable
{
    public const int Period = 251;

    private readonly byte[] _table;

    public PatternTable(int maxRead)
    {
        _table = new byte[maxRead + Period];
        for (int i = 0; i < _table.Length; i++)
        {
            _table[i] = (byte)(i % Period);
        }
    }

    public int MaxRead => _table.Length - Period;

    /// <summary>Copies the content bytes at <paramref name="offset"/> into <paramref name="destination"/> (one copy per byte).</summary>
    public void CopyTo(ulong offset, Span<byte> destination) =>
        _table.AsSpan((int)(offset % Period), destination.Length).CopyTo(destination);
}
