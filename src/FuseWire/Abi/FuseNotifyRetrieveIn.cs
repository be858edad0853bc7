using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The NOTIFY_REPLY request body (the size of a <see cref="FuseWriteIn"/>); the data follows.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_notify_retrieve_in</c> (40 bytes), since protocol 7.15. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseNotifyRetrieveIn
{
    /// <summary>The size of <c>struct fuse_notify_retrieve_in</c> in bytes.</summary>
    public const int StructSize = 40;

    /// <summary><c>dummy1</c> (offset 0): Unused.</summary>
    public ulong Dummy1;

    /// <summary><c>offset</c> (offset 8): Offset.</summary>
    public ulong Offset;

    /// <summary><c>size</c> (offset 16): Bytes of data that follow.</summary>
    public uint Size;

    /// <summary><c>dummy2</c> (offset 20): Unused.</summary>
    public uint Dummy2;

    /// <summary><c>dummy3</c> (offset 24): Unused.</summary>
    public ulong Dummy3;

    /// <summary><c>dummy4</c> (offset 32): Unused.</summary>
    public ulong Dummy4;
}
