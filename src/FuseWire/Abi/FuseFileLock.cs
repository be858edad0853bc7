using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// A POSIX or BSD lock range.
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_file_lock</c> (24 bytes), since protocol 7.7. FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseFileLock
{
    /// <summary>The size of <c>struct fuse_file_lock</c> in bytes.</summary>
    public const int StructSize = 24;

    /// <summary><c>start</c> (offset 0): First byte of the range.</summary>
    public ulong Start;

    /// <summary><c>end</c> (offset 8): Last byte of the range (inclusive).</summary>
    public ulong End;

    /// <summary><c>type</c> (offset 16): F_RDLCK, F_WRLCK or F_UNLCK.</summary>
    public uint Type;

    /// <summary><c>pid</c> (offset 20): Owning process (thread group id).</summary>
    public uint Pid;
}
