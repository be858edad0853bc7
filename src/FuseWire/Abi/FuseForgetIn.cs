using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The FORGET request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_forget_in</c> (8 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseForgetIn
{
    /// <summary>The size of <c>struct fuse_forget_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>nlookup</c> (offset 0): How many lookups to forget.</summary>
    public ulong NLookup;
}
