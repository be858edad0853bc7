using System;

namespace FuseWire.Abi;

/// <summary>
/// Flags returned by OPEN (<c>open_flags</c> of <see cref="FuseOpenOut"/>, FOPEN_*).
/// </summary>
/// <remarks>Bit flags of the kernel's header.</remarks>
[Flags]
public enum FopenFlags : uint
{
    /// <summary><c>0</c>: No flag.</summary>
    None = 0,

    /// <summary><c>FOPEN_DIRECT_IO</c>: Bypass the page cache for this open file.</summary>
    DirectIo = 1U << 0,

    /// <summary><c>FOPEN_KEEP_CACHE</c>: Don't invalidate the data cache on open.</summary>
    KeepCache = 1U << 1,

    /// <summary><c>FOPEN_NONSEEKABLE</c>: The file is not seekable.</summary>
    Nonseekable = 1U << 2,

    /// <summary><c>FOPEN_CACHE_DIR</c>: Allow caching this directory.</summary>
    CacheDir = 1U << 3,

    /// <summary><c>FOPEN_STREAM</c>: The file is stream-like (no file position at all).</summary>
    Stream = 1U << 4,

    /// <summary><c>FOPEN_NOFLUSH</c>: Don't flush data cache on close (unless FUSE_WRITEBACK_CACHE).</summary>
    Noflush = 1U << 5,

    /// <summary><c>FOPEN_PARALLEL_DIRECT_WRITES</c>: Allow parallel direct writes on the same file.</summary>
    ParallelDirectWrites = 1U << 6,

    /// <summary><c>FOPEN_PASSTHROUGH</c>: Passthrough read/write I/O for this open file (7.40).</summary>
    Passthrough = 1U << 7,
}
