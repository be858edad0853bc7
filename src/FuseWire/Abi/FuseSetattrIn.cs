using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The SETATTR request body.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_setattr_in</c> (88 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseSetattrIn
{
    /// <summary>The size of <c>struct fuse_setattr_in</c> in bytes.</summary>
    public const int StructSize = 88;

    /// <summary><c>valid</c> (offset 0): FATTR_* bits saying which fields are set.</summary>
    public uint Valid;

    /// <summary><c>padding</c> (offset 4): Padding.</summary>
    public uint Padding;

    /// <summary><c>fh</c> (offset 8): File handle (FATTR_FH).</summary>
    public ulong Fh;

    /// <summary><c>size</c> (offset 16): New size (FATTR_SIZE).</summary>
    public ulong Size;

    /// <summary><c>lock_owner</c> (offset 24): Lock owner (FATTR_LOCKOWNER).</summary>
    public ulong LockOwner;

    /// <summary><c>atime</c> (offset 32): Access time, seconds.</summary>
    public ulong ATime;

    /// <summary><c>mtime</c> (offset 40): Modification time, seconds.</summary>
    public ulong MTime;

    /// <summary><c>ctime</c> (offset 48): Change time, seconds (7.23).</summary>
    public ulong CTime;

    /// <summary><c>atimensec</c> (offset 56): Access time, nanoseconds.</summary>
    public uint ATimeNsec;

    /// <summary><c>mtimensec</c> (offset 60): Modification time, nanoseconds.</summary>
    public uint MTimeNsec;

    /// <summary><c>ctimensec</c> (offset 64): Change time, nanoseconds (7.23).</summary>
    public uint CTimeNsec;

    /// <summary><c>mode</c> (offset 68): New mode.</summary>
    public uint Mode;

    /// <summary><c>unused4</c> (offset 72): Unused.</summary>
    public uint Unused4;

    /// <summary><c>uid</c> (offset 76): New owner.</summary>
    public uint Uid;

    /// <summary><c>gid</c> (offset 80): New group.</summary>
    public uint Gid;

    /// <summary><c>unused5</c> (offset 84): Unused.</summary>
    public uint Unused5;
}
