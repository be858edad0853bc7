using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The COPY_FILE_RANGE and COPY_FILE_RANGE_64 request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_copy_file_range_in</c> (56 bytes), since protocol 7.28. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseCopyFileRangeIn
{
    /// <summary>The size of <c>struct fuse_copy_file_range_in</c> in bytes.</summary>
    public const int StructSize = 56;

    /// <summary><c>fh_in</c> (offset 0): Source file handle.</summary>
    public ulong FhIn;

    /// <summary><c>off_in</c> (offset 8): Source offset.</summary>
    public ulong OffIn;

    /// <summary><c>nodeid_out</c> (offset 16): Destination node id.</summary>
    public ulong NodeIdOut;

    /// <summary><c>fh_out</c> (offset 24): Destination file handle.</summary>
    public ulong FhOut;

    /// <summary><c>off_out</c> (offset 32): Destination offset.</summary>
    public ulong OffOut;

    /// <summary><c>len</c> (offset 40): Bytes to copy.</summary>
    public ulong Len;

    /// <summary><c>flags</c> (offset 48): Flags.</summary>
    public ulong Flags;
}
