using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// One node of a BATCH_FORGET request.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_forget_one</c> (16 bytes), since protocol 7.16. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseForgetOne
{
    /// <summary>The size of <c>struct fuse_forget_one</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>nodeid</c> (offset 0): The node.</summary>
    public ulong NodeId;

    /// <summary><c>nlookup</c> (offset 8): How many lookups to forget.</summary>
    public ulong NLookup;
}
