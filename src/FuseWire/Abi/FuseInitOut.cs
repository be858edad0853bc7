using System.Runtime.InteropServices;

namespace FuseWire.Abi;

/// <summary>
/// The INIT reply body (8 bytes before 7.5, 24 before 7.23).
/// </summary>
/// <remarks>
/// The kernel's <c>struct fuse_init_out</c> (64 bytes). FUSE is host-endian: the struct is read and written in the machine's byte order.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FuseInitOut
{
    /// <summary>The size of <c>struct fuse_init_out</c> in bytes.</summary>
    public const int StructSize = 64;

    /// <summary><c>major</c> (offset 0): Daemon's major version.</summary>
    public uint Major;

    /// <summary><c>minor</c> (offset 4): Daemon's minor version.</summary>
    public uint Minor;

    /// <summary><c>max_readahead</c> (offset 8): Maximum readahead.</summary>
    public uint MaxReadahead;

    /// <summary><c>flags</c> (offset 12): Low 32 bits of the accepted flags.</summary>
    public uint Flags;

    /// <summary><c>max_background</c> (offset 16): Maximum background requests (7.13).</summary>
    public ushort MaxBackground;

    /// <summary><c>congestion_threshold</c> (offset 18): Congestion threshold (7.13).</summary>
    public ushort CongestionThreshold;

    /// <summary><c>max_write</c> (offset 20): Maximum WRITE payload.</summary>
    public uint MaxWrite;

    /// <summary><c>time_gran</c> (offset 24): Timestamp granularity in ns (7.23).</summary>
    public uint TimeGran;

    /// <summary><c>max_pages</c> (offset 28): Maximum pages per request (7.28, FUSE_MAX_PAGES).</summary>
    public ushort MaxPages;

    /// <summary><c>map_alignment</c> (offset 30): log2 of DAX mapping alignment (7.31).</summary>
    public ushort MapAlignment;

    /// <summary><c>flags2</c> (offset 32): High 32 bits of the accepted flags (7.36).</summary>
    public uint Flags2;

    /// <summary><c>max_stack_depth</c> (offset 36): Maximum stacking depth for passthrough (7.40).</summary>
    public uint MaxStackDepth;

    /// <summary><c>request_timeout</c> (offset 40): Request timeout in seconds (7.43).</summary>
    public ushort RequestTimeout;

    /// <summary><c>unused</c> (offset 42): Reserved.</summary>
    public FuseUInt16Array11 Unused;
}
