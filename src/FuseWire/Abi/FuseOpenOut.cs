using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The reply body of OPEN and OPENDIR (and the second part of CREATE's).
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_open_out</c> (16 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseOpenOut
{
    /// <summary>The size of <c>struct fuse_open_out</c> in bytes.</summary>
    public const int StructSize = 16;

    /// <summary><c>fh</c> (offset 0): File handle chosen by the daemon.</summary>
    public ulong Fh;

    /// <summary><c>open_flags</c> (offset 8): FOPEN_* flags.</summary>
    public uint OpenFlags;

    /// <summary><c>backing_id</c> (offset 12): Backing file id for FOPEN_PASSTHROUGH (7.40; padding before).</summary>
    public int BackingId;
}
