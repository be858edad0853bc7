using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The STATFS reply body (48 bytes before 7.4).
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_statfs_out</c> (80 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseStatfsOut
{
    /// <summary>The size of <c>struct fuse_statfs_out</c> in bytes.</summary>
    public const int StructSize = 80;

    /// <summary><c>st</c> (offset 0): The statistics.</summary>
    public FuseKstatfs St;
}
