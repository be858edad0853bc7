using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FuseWire.Codec;

/// <summary>Reads a wire struct that an old minor may have sent shorter than today's: the missing tail reads as zero.</summary>
internal static class FuseStructReader
{
    /// <summary>Reads <typeparamref name="T"/> from <paramref name="bytes"/>, zero-extending when they are fewer than its size.</summary>
    /// <typeparam name="T">The struct.</typeparam>
    /// <param name="bytes">The struct's bytes as on the wire.</param>
    /// <returns>A copy.</returns>
    public static T ReadPadded<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged
    {
        if (bytes.Length >= Unsafe.SizeOf<T>())
        {
            return MemoryMarshal.Read<T>(bytes);
        }

        T value = default;
        bytes.CopyTo(MemoryMarshal.AsBytes(new Span<T>(ref value)));
        return value;
    }
}
