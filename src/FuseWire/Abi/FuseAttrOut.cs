using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The reply body of GETATTR and SETATTR.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_attr_out</c> (104 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseAttrOut
{
    /// <summary>The size of <c>struct fuse_attr_out</c> in bytes.</summary>
    public const int StructSize = 104;

    /// <summary><c>attr_valid</c> (offset 0): Attribute cache timeout, seconds.</summary>
    public ulong AttrValid;

    /// <summary><c>attr_valid_nsec</c> (offset 8): Attribute cache timeout, nanoseconds.</summary>
    public uint AttrValidNsec;

    /// <summary><c>dummy</c> (offset 12): Padding.</summary>
    public uint Dummy;

    /// <summary><c>attr</c> (offset 16): The attributes.</summary>
    public FuseAttr Attr;
}
