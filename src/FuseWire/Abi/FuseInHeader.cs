using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The header of every request frame.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_in_header</c> (40 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseInHeader
{
    /// <summary>The size of <c>struct fuse_in_header</c> in bytes.</summary>
    public const int StructSize = 40;

    /// <summary><c>len</c> (offset 0): Length of the whole frame, header included.</summary>
    public uint Len;

    /// <summary><c>opcode</c> (offset 4): The operation.</summary>
    public FuseOpcode Opcode;

    /// <summary><c>unique</c> (offset 8): Request id; a reply carries it back.</summary>
    public ulong Unique;

    /// <summary><c>nodeid</c> (offset 16): The node the operation is on.</summary>
    public ulong NodeId;

    /// <summary><c>uid</c> (offset 24): Caller's user id.</summary>
    public uint Uid;

    /// <summary><c>gid</c> (offset 28): Caller's group id.</summary>
    public uint Gid;

    /// <summary><c>pid</c> (offset 32): Caller's process id.</summary>
    public uint Pid;

    /// <summary><c>total_extlen</c> (offset 36): Length of extensions after the arguments, in 8-byte units (7.38; padding before).</summary>
    public ushort TotalExtLen;

    /// <summary><c>padding</c> (offset 38): Padding.</summary>
    public ushort Padding;
}
