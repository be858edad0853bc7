using System;
using System.Buffers.Binary;

namespace FuseWire.Tests.Properties;

/// <summary>One damage done to a frame: a flipped byte, a truncation, a random len, appended bytes, an overwritten word, a random total_extlen or opcode.</summary>
public sealed record FrameMutation(int Kind, int Position, uint Value, byte[] Extra)
{
    public const int KindCount = 7;

    public byte[] Apply(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        byte[] f = (byte[])frame.Clone();
        switch (Kind)
        {
            case 0 when f.Length > 0:
                f[Position % f.Length] ^= (byte)(Value | 1);
                break;
            case 1:
                f = f[..(Position % (f.Length + 1))];
                if ((Value & 1) != 0 && f.Length >= 4)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(f, (uint)f.Length);
                }

                break;
            case 2 when f.Length >= 4:
                BinaryPrimitives.WriteUInt32LittleEndian(f, Value);
                break;
            case 3:
                f = [.. f, .. Extra];
                if (f.Length >= 4)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(f, (uint)f.Length);
                }

                break;
            case 4 when f.Length >= 4:
                BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(Math.Min((Position % f.Length) & ~3, f.Length - 4)), Value);
                break;
            case 5 when f.Length >= 40:
                BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(36), (Value & 0x100) != 0 ? (ushort)Value : (ushort)(Value % 8));
                break;
            case 6 when f.Length >= 8:
                BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(4), (Value & 0x100) != 0 ? Value : Value % 56);
                break;
            default:
                break;
        }

        return f;
    }

    public override string ToString() => $"mutation {Kind} at {Position} value {Value:X8} extra {Convert.ToHexString(Extra)}";
}
