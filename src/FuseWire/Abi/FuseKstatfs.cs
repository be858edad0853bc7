using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// File-system statistics, the STATFS reply body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_kstatfs</c> (80 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseKstatfs
{
    /// <summary>The size of <c>struct fuse_kstatfs</c> in bytes.</summary>
    public const int StructSize = 80;

    /// <summary><c>blocks</c> (offset 0): Total blocks.</summary>
    public ulong Blocks;

    /// <summary><c>bfree</c> (offset 8): Free blocks.</summary>
    public ulong BFree;

    /// <summary><c>bavail</c> (offset 16): Free blocks available to unprivileged users.</summary>
    public ulong BAvail;

    /// <summary><c>files</c> (offset 24): Total inodes.</summary>
    public ulong Files;

    /// <summary><c>ffree</c> (offset 32): Free inodes.</summary>
    public ulong FFree;

    /// <summary><c>bsize</c> (offset 40): Block size.</summary>
    public uint BSize;

    /// <summary><c>namelen</c> (offset 44): Maximum name length.</summary>
    public uint NameLen;

    /// <summary><c>frsize</c> (offset 48): Fragment size (7.4).</summary>
    public uint FrSize;

    /// <summary><c>padding</c> (offset 52): Padding.</summary>
    public uint Padding;

    /// <summary><c>spare</c> (offset 56): Reserved.</summary>
    public FuseUInt32Array6 Spare;
}
