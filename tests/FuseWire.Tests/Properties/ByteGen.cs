using System;
using FsCheck;
using FsCheck.Fluent;

namespace FuseWire.Tests.Properties;

/// <summary>Byte-level generators: random bytes, integers, and the names the protocol allows.</summary>
internal static class ByteGen
{
    /// <summary>Any byte.</summary>
    public static Gen<byte> Byte { get; } = Gen.Choose(0, 255).Select(i => (byte)i);

    /// <summary>Any 32-bit value, with the edge values (0, 1, all ones, the sign bit) often.</summary>
    public static Gen<uint> UInt32 { get; } = Gen.Frequency(
        (4, Bytes(4).Select(b => BitConverter.ToUInt32(b))),
        (1, Gen.Elements(0u, 1u, 7u, 8u, 0xFFFF_FFFFu, 0x8000_0000u, 0x7FFF_FFFFu)));

    /// <summary>Any 64-bit value.</summary>
    public static Gen<ulong> UInt64 { get; } = Bytes(8).Select(b => BitConverter.ToUInt64(b));

    /// <summary>Exactly <paramref name="count"/> random bytes.</summary>
    public static Gen<byte[]> Bytes(int count) => Gen.ArrayOf(Byte, count);

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> random bytes.</summary>
    public static Gen<byte[]> Bytes(int min, int max) => Gen.Choose(min, max).SelectMany(Bytes);

    /// <summary>A name of 1 to <paramref name="max"/> bytes without NUL, and without '/' unless <paramref name="slashAllowed"/>.</summary>
    public static Gen<byte[]> Name(int max, bool slashAllowed) =>
        Gen.Choose(1, max).SelectMany(n => Gen.ArrayOf(
            Gen.Choose(1, 255).Select(i => !slashAllowed && i == '/' ? (byte)'_' : (byte)i), n));

    /// <summary>A directory-entry name: 1 to 255 bytes, no NUL, no '/'; short names most of the time.</summary>
    public static Gen<byte[]> EntryName { get; } = Gen.Frequency((3, Name(16, false)), (1, Name(255, false)));
}
