using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FuseWire.Tests.Codec;

/// <summary>Byte helpers for the codec tests: distinctive struct contents, truncation to a wire size, frame capture.</summary>
internal static class WireBytes
{
    /// <summary>Returns a <typeparamref name="T"/> whose every byte is non-zero and depends on its offset and <paramref name="seed"/>.</summary>
    public static T Distinct<T>(int seed)
        where T : unmanaged
    {
        T value = default;
        Span<byte> bytes = MemoryMarshal.AsBytes(new Span<T>(ref value));
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = unchecked((byte)((seed * 31) + (i * 7) + 1));
            bytes[i] = b == 0 ? (byte)0xA5 : b;
        }

        return value;
    }

    /// <summary>Returns <paramref name="count"/> non-zero bytes depending on <paramref name="seed"/>.</summary>
    public static byte[] Pattern(int count, int seed)
    {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++)
        {
            byte b = unchecked((byte)((seed * 13) + (i * 11) + 3));
            bytes[i] = b == 0 ? (byte)0x5A : b;
        }

        return bytes;
    }

    /// <summary>The bytes of a struct.</summary>
    public static byte[] Of<T>(in T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    /// <summary>Reads a <typeparamref name="T"/> from <paramref name="bytes"/>, zero-extended when shorter.</summary>
    public static T ZeroExtended<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged
    {
        T value = default;
        Span<byte> target = MemoryMarshal.AsBytes(new Span<T>(ref value));
        bytes[..Math.Min(bytes.Length, target.Length)].CopyTo(target);
        return value;
    }

    /// <summary>The struct as an old minor carries it: bytes from <paramref name="wireSize"/> on read as zero.</summary>
    public static T Truncated<T>(in T value, int wireSize)
        where T : unmanaged => ZeroExtended<T>(Of(value).AsSpan(0, Math.Min(wireSize, Unsafe.SizeOf<T>())));

    /// <summary>Asserts two structs have the same bytes (structs with inline arrays have no built-in Equals).</summary>
    public static void AssertSame<T>(in T expected, in T actual)
        where T : unmanaged => Xunit.Assert.Equal(Of(expected), Of(actual));

    /// <summary>Writes a 32-bit little-endian value into <paramref name="bytes"/> at <paramref name="offset"/>.</summary>
    public static void PutUInt32(Span<byte> bytes, int offset, uint value) => MemoryMarshal.Write(bytes[offset..], in value);

    /// <summary>Runs a writer against a fresh buffer and returns exactly the bytes it wrote, checking its returned length.</summary>
    public static byte[] Capture(Func<IBufferWriter<byte>, int> write)
    {
        ArrayBufferWriter<byte> buffer = new();
        int length = write(buffer);
        Xunit.Assert.Equal(length, buffer.WrittenCount);
        return buffer.WrittenSpan.ToArray();
    }
}
