using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The supplementary-groups extension; <c>nr_groups</c> 32-bit group ids follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_supp_groups</c> (4 bytes), since protocol 7.38. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSuppGroups
{
    /// <summary>The size of <c>struct fuse_supp_groups</c> in bytes.</summary>
    public const int StructSize = 4;

    /// <summary><c>nr_groups</c> (offset 0): Number of group ids that follow.</summary>
    public uint NrGroups;
}
