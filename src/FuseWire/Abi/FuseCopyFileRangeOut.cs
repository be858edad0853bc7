using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The COPY_FILE_RANGE_64 reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_copy_file_range_out</c> (8 bytes), since protocol 7.45. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseCopyFileRangeOut
{
    /// <summary>The size of <c>struct fuse_copy_file_range_out</c> in bytes.</summary>
    public const int StructSize = 8;

    /// <summary><c>bytes_copied</c> (offset 0): Bytes copied.</summary>
    public ulong BytesCopied;
}
