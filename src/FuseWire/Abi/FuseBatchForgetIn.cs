using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The BATCH_FORGET request body; <c>count</c> <see cref="FuseForgetOne"/> follow.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_batch_forget_in</c> (8 bytes), since protocol 7.16. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseBatchForgetIn
{
    /// <summary>The size of <c>struct fuse_batch_forget_in</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>count</c> (offset 0): Number of entries that follow.</summary>
    public uint Count;

    /// <summary><c>dummy</c> (offset 4): Padding.</summary>
    public uint Dummy;
}
