using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// One security context of a security-context extension; the name (NUL-terminated) and <c>size</c> bytes of context follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_secctx</c> (8 bytes), since protocol 7.36. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSecctx
{
    /// <summary>The size of <c>struct fuse_secctx</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>size</c> (offset 0): Bytes of context.</summary>
    public uint Size;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;
}
