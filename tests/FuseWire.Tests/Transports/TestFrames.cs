using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using Xunit;

namespace FuseWire.Tests.Transports;

/// <summary>Frames whose every byte can be checked: a <c>fuse_out_header</c> (len, unique) and a body of one repeated byte
/// derived from the unique.</summary>
internal static class TestFrames
{
    public static byte[] Make(int length, ulong unique)
    {
        byte[] frame = new byte[length];
        Fill(frame, unique);
        return frame;
    }

    public static void Fill(Span<byte> frame, ulong unique)
    {
        FuseOutHeader header = new() { Len = (uint)frame.Length, Unique = unique };
        MemoryMarshal.Write(frame, in header);
        frame[FuseOutHeader.StructSize..].Fill(BodyByte(unique));
    }

    /// <summary>Checks a frame made by <see cref="Make"/> and returns its unique.</summary>
    public static ulong Check(ReadOnlySpan<byte> frame)
    {
        Assert.True(frame.Length >= FuseOutHeader.StructSize, $"a {frame.Length}-byte frame");
        FuseOutHeader header = MemoryMarshal.Read<FuseOutHeader>(frame);
        Assert.Equal((uint)frame.Length, header.Len);
        int stray = frame[FuseOutHeader.StructSize..].IndexOfAnyExcept(BodyByte(header.Unique));
        Assert.True(stray < 0, $"frame {header.Unique} has a foreign byte at {stray + FuseOutHeader.StructSize}: frames interleaved");
        return header.Unique;
    }

    private static byte BodyByte(ulong unique) => (byte)((unique * 31) ^ (unique >> 32) | 1);
}
