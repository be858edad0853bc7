using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The INTERRUPT request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_interrupt_in</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseInterruptIn
{
    /// <summary>The size of <c>struct fuse_interrupt_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>unique</c> (offset 0): The unique of the request to interrupt.</summary>
    public ulong Unique;
}
