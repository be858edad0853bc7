using System;
using System.Buffers.Binary;
using FuseWire.Abi;

namespace FuseWire.Tests.Validation;

/// <summary>Breaks valid frames by editing their bytes (little-endian, as the kernel writes them).</summary>
internal static class FrameEdit
{
    /// <summary>Offset of <c>len</c> in both headers.</summary>
    public const int Len = 0;

    /// <summary>Offset of the request's opcode, and of the reply's error / notification code.</summary>
    public const int OpcodeOrError = 4;

    /// <summary>Offset of <c>unique</c> in both headers.</summary>
    public const int Unique = 8;

    /// <summary>Offset of the request's <c>total_extlen</c>.</summary>
    public const int TotalExtLen = 36;

    public static byte[] SetUInt32(byte[] frame, int offset, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(offset), value);
        return frame;
    }

    public static byte[] SetInt32(byte[] frame, int offset, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(offset), value);
        return frame;
    }

    public static byte[] SetUInt16(byte[] frame, int offset, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(offset), value);
        return frame;
    }

    public static byte[] SetUInt64(byte[] frame, int offset, ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(offset), value);
        return frame;
    }

    public static byte[] SetByte(byte[] frame, int offset, byte value)
    {
        frame[offset] = value;
        return frame;
    }

    /// <summary>Keeps the first <paramref name="length"/> bytes, leaving <c>len</c> as it was (a short read).</summary>
    public static byte[] Cut(byte[] frame, int length) => frame.AsSpan(0, length).ToArray();

    /// <summary>Keeps the first <paramref name="length"/> bytes and sets <c>len</c> to match, so only the payload is short.</summary>
    public static byte[] CutAndFixLength(byte[] frame, int length) => SetUInt32(Cut(frame, length), Len, (uint)length);

    /// <summary>Appends <paramref name="extra"/> bytes of <paramref name="fill"/> and sets <c>len</c> to match.</summary>
    public static byte[] AppendAndFixLength(byte[] frame, int extra, byte fill = 0xAB)
    {
        byte[] longer = new byte[frame.Length + extra];
        frame.CopyTo(longer, 0);
        longer.AsSpan(frame.Length).Fill(fill);
        return SetUInt32(longer, Len, (uint)longer.Length);
    }

    /// <summary>Reads the request header's <c>len</c>.</summary>
    public static uint LengthOf(byte[] frame) => BinaryPrimitives.ReadUInt32LittleEndian(frame);

    /// <summary>Size of the request header.</summary>
    public const int InHeader = FuseInHeader.StructSize;

    /// <summary>Size of the reply header.</summary>
    public const int OutHeader = FuseOutHeader.StructSize;
}
