using System;
using System.Text;
using FuseWire.Abi;

namespace FuseWire.Tests.Codec;

/// <summary>Builds request extensions as the kernel lays them out (each padded to 8 bytes).</summary>
internal static class RequestExtensions
{
    /// <summary>A FUSE_EXT_GROUPS extension: <c>fuse_ext_header</c>, <c>fuse_supp_groups</c>, the ids, padding.</summary>
    public static byte[] SupplementaryGroups(params uint[] groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        int size = Align8(FuseExtHeader.StructSize + FuseSuppGroups.StructSize + (groups.Length * sizeof(uint)));
        byte[] ext = new byte[size];
        WireBytes.PutUInt32(ext, 0, (uint)size);
        WireBytes.PutUInt32(ext, 4, (uint)FuseExtType.ExtGroups);
        WireBytes.PutUInt32(ext, 8, (uint)groups.Length);
        for (int i = 0; i < groups.Length; i++)
        {
            WireBytes.PutUInt32(ext, 12 + (4 * i), groups[i]);
        }

        return ext;
    }

    /// <summary>A security-context extension with one context: <c>fuse_secctx_header</c>, <c>fuse_secctx</c>, name NUL, value, padding.</summary>
    public static byte[] SecurityContext(string name, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        int record = Align8(FuseSecctx.StructSize + nameBytes.Length + 1 + value.Length);
        int size = FuseSecctxHeader.StructSize + record;
        byte[] ext = new byte[size];
        WireBytes.PutUInt32(ext, 0, (uint)size);
        WireBytes.PutUInt32(ext, 4, 1);
        WireBytes.PutUInt32(ext, 8, (uint)value.Length);
        nameBytes.CopyTo(ext, 16);
        value.CopyTo(ext, 16 + nameBytes.Length + 1);
        return ext;
    }

    /// <summary>Rounds up to a multiple of 8.</summary>
    public static int Align8(int value) => (value + 7) & ~7;
}
