using System;
using FuseWire.Abi;
using FuseWire.Protocol;

namespace FuseWire.Tests.Properties;

/// <summary>One way to make the parts of a valid request wrong: a bad name, a count that disagrees with the data, a bad extension, a bad INIT version, ...</summary>
public sealed record RequestDamage(int Kind, int Value)
{
    public const int KindCount = 10;

    public RequestCase Apply(RequestCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        byte[] argument = (byte[])c.Argument.Clone();
        switch (Kind)
        {
            case 0:
                return c with { Name = [] };
            case 1:
                return c with { Name = [.. c.Name, (byte)'/', (byte)'x'] };
            case 2:
                return c with { Name = Fill(new byte[256 + (Value % 8)], (byte)'n') };
            case 3:
                return c with { Name2 = c.Name2.Length == 0 ? [] : [.. c.Name2, (byte)'/', (byte)'y'] };
            case 4:
                return c with { Name2 = Fill(new byte[4096 + (Value % 4)], (byte)'t') };
            case 5:
                return c with { Data = [.. c.Data, (byte)Value] };
            case 6:
                return c with { Data = c.Data.Length == 0 ? c.Data : c.Data[..^1] };
            case 7:
                byte[] ext = new byte[8 + (8 * (Value % 3))];
                BitConverter.TryWriteBytes(ext, (uint)(ext.Length + 8));
                return c with { Extensions = ext };
            case 8 when argument.Length >= 4:
                BitConverter.TryWriteBytes(argument, FuseConstants.KernelVersion + 1 + (uint)(Value % 3));
                return c with { Argument = argument };
            case 9:
                byte[] groups = new byte[16];
                BitConverter.TryWriteBytes(groups, 16u);
                BitConverter.TryWriteBytes(groups.AsSpan(4), 32u);
                BitConverter.TryWriteBytes(groups.AsSpan(8), 1u);
                return c with { Protocol = c.Protocol.WithMinor(Math.Min(c.Protocol.Minor, 35u)), Extensions = groups };
            default:
                return c;
        }
    }

    private static byte[] Fill(byte[] bytes, byte value)
    {
        bytes.AsSpan().Fill(value);
        return bytes;
    }

    public override string ToString() => $"damage {Kind} ({Value})";
}
