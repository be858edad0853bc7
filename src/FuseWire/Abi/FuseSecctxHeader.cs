using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The header of a security-context extension.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_secctx_header</c> (8 bytes), since protocol 7.36. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSecctxHeader
{
    /// <summary>The size of <c>struct fuse_secctx_header</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>size</c> (offset 0): Total size of the contexts, this header included.</summary>
    public uint Size;

    /// <summary><c>nr_secctx</c> (offset 4): Number of contexts.</summary>
    public uint NrSecctx;
}
