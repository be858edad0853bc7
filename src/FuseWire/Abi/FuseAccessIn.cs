using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The ACCESS request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_access_in</c> (8 bytes), since protocol 7.5. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseAccessIn
{
    /// <summary>The size of <c>struct fuse_access_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>mask</c> (offset 0): R_OK, W_OK, X_OK bits.</summary>
    public uint Mask;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;
}
