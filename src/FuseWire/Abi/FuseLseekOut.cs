using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The LSEEK reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_lseek_out</c> (8 bytes), since protocol 7.24. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseLseekOut
{
    /// <summary>The size of <c>struct fuse_lseek_out</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>offset</c> (offset 0): Resulting offset.</summary>
    public ulong Offset;
}
