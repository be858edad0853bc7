using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The header of every reply and notification frame.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_out_header</c> (16 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseOutHeader
{
    /// <summary>The size of <c>struct fuse_out_header</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>len</c> (offset 0): Length of the whole frame, header included.</summary>
    public uint Len;

    /// <summary><c>error</c> (offset 4): 0, a negative errno, or (with unique 0) a notify code.</summary>
    public int Error;

    /// <summary><c>unique</c> (offset 8): The unique of the request answered; 0 for a notification.</summary>
    public ulong Unique;
}
