using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The CUSE_INIT reply body; the device info strings follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct cuse_init_out</c> (72 bytes), since protocol 7.11. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct CuseInitOut
{
    /// <summary>The size of <c>struct cuse_init_out</c> in bytes.</summary>
    public const int StructSize = 72;

    /// <summary><c>major</c> (offset 0): Major version.</summary>
    public uint Major;

    /// <summary><c>minor</c> (offset 4): Minor version.</summary>
    public uint Minor;

    /// <summary><c>unused</c> (offset 8): Unused.</summary>
    public uint Unused;

    /// <summary><c>flags</c> (offset 12): CUSE_* flags.</summary>
    public uint Flags;

    /// <summary><c>max_read</c> (offset 16): Maximum read.</summary>
    public uint MaxRead;

    /// <summary><c>max_write</c> (offset 20): Maximum write.</summary>
    public uint MaxWrite;

    /// <summary><c>dev_major</c> (offset 24): Character device major.</summary>
    public uint DevMajor;

    /// <summary><c>dev_minor</c> (offset 28): Character device minor.</summary>
    public uint DevMinor;

    /// <summary><c>spare</c> (offset 32): Reserved.</summary>
    public FuseUInt32Array10 Spare;
}
