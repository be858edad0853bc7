using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The INIT request body (16 bytes before 7.36).
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_init_in</c> (64 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseInitIn
{
    /// <summary>The size of <c>struct fuse_init_in</c> in bytes.</summary>
    public const int StructSize = 64;

    /// <summary><c>major</c> (offset 0): Kernel's major version.</summary>
    public uint Major;

    /// <summary><c>minor</c> (offset 4): Kernel's minor version.</summary>
    public uint Minor;

    /// <summary><c>max_readahead</c> (offset 8): Maximum readahead.</summary>
    public uint MaxReadahead;

    /// <summary><c>flags</c> (offset 12): Low 32 bits of the offered FUSE_* init flags.</summary>
    public uint Flags;

    /// <summary><c>flags2</c> (offset 16): High 32 bits of the offered flags (7.36, with FUSE_INIT_EXT).</summary>
    public uint Flags2;

    /// <summary><c>unused</c> (offset 20): Reserved.</summary>
    public FuseUInt32Array11 Unused;
}
