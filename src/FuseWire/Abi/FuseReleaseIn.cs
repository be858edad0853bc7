using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The RELEASE and RELEASEDIR request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_release_in</c> (24 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseReleaseIn
{
    /// <summary>The size of <c>struct fuse_release_in</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>fh</c> (offset 0): File handle.</summary>
    public ulong Fh;

    /// <summary><c>flags</c> (offset 8): open(2) flags.</summary>
    public uint Flags;

    /// <summary><c>release_flags</c> (offset 12): FUSE_RELEASE_* flags.</summary>
    public uint ReleaseFlags;

    /// <summary><c>lock_owner</c> (offset 16): Lock owner.</summary>
    public ulong LockOwner;
}
