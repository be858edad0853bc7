using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The CUSE_INIT request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct cuse_init_in</c> (16 bytes), since protocol 7.11. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct CuseInitIn
{
    /// <summary>The size of <c>struct cuse_init_in</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>major</c> (offset 0): Major version.</summary>
    public uint Major;

    /// <summary><c>minor</c> (offset 4): Minor version.</summary>
    public uint Minor;

    /// <summary><c>unused</c> (offset 8): Unused.</summary>
    public uint Unused;

    /// <summary><c>flags</c> (offset 12): CUSE_* flags.</summary>
    public uint Flags;
}
