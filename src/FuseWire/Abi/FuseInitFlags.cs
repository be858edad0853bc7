using System;

namespace FuseWire.Abi;

/// <summary>
/// The INIT flags as one 64-bit set: <c>flags | (ulong)flags2 &lt;&lt; 32</c>.
/// </summary>
/// <remarks>Bits 32 to 63 travel in the <c>flags2</c> fields of <see cref="FuseInitIn"/> and <see cref="FuseInitOut"/>, which are valid only with <see cref="InitExt"/> (7.36).</remarks>
[Flags]
public enum FuseInitFlags : ulong
{
    /// <summary><c>FUSE_ASYNC_READ</c>: Asynchronous read requests.</summary>
    AsyncRead = 1UL << 0,

    /// <summary><c>FUSE_POSIX_LOCKS</c>: Remote locking for POSIX file locks.</summary>
    PosixLocks = 1UL << 1,

    /// <summary><c>FUSE_FILE_OPS</c>: Kernel sends file handle for fstat, etc. (not yet supported).</summary>
    FileOps = 1UL << 2,

    /// <summary><c>FUSE_ATOMIC_O_TRUNC</c>: Handles the O_TRUNC open flag in the file system.</summary>
    AtomicOTrunc = 1UL << 3,

    /// <summary><c>FUSE_EXPORT_SUPPORT</c>: File system handles lookups of "." and "..".</summary>
    ExportSupport = 1UL << 4,

    /// <summary><c>FUSE_BIG_WRITES</c>: File system can handle writes larger than 4 KiB.</summary>
    BigWrites = 1UL << 5,

    /// <summary><c>FUSE_DONT_MASK</c>: Don't apply umask to file mode on create operations.</summary>
    DontMask = 1UL << 6,

    /// <summary><c>FUSE_SPLICE_WRITE</c>: Kernel supports splice write on the device.</summary>
    SpliceWrite = 1UL << 7,

    /// <summary><c>FUSE_SPLICE_MOVE</c>: Kernel supports splice move on the device.</summary>
    SpliceMove = 1UL << 8,

    /// <summary><c>FUSE_SPLICE_READ</c>: Kernel supports splice read on the device.</summary>
    SpliceRead = 1UL << 9,

    /// <summary><c>FUSE_FLOCK_LOCKS</c>: Remote locking for BSD style file locks.</summary>
    FlockLocks = 1UL << 10,

    /// <summary><c>FUSE_HAS_IOCTL_DIR</c>: Kernel supports ioctl on directories.</summary>
    HasIoctlDir = 1UL << 11,

    /// <summary><c>FUSE_AUTO_INVAL_DATA</c>: Automatically invalidate cached pages.</summary>
    AutoInvalData = 1UL << 12,

    /// <summary><c>FUSE_DO_READDIRPLUS</c>: Do READDIRPLUS (READDIR+LOOKUP in one).</summary>
    DoReaddirplus = 1UL << 13,

    /// <summary><c>FUSE_READDIRPLUS_AUTO</c>: Adaptive readdirplus.</summary>
    ReaddirplusAuto = 1UL << 14,

    /// <summary><c>FUSE_ASYNC_DIO</c>: Asynchronous direct I/O submission.</summary>
    AsyncDio = 1UL << 15,

    /// <summary><c>FUSE_WRITEBACK_CACHE</c>: Use writeback cache for buffered writes.</summary>
    WritebackCache = 1UL << 16,

    /// <summary><c>FUSE_NO_OPEN_SUPPORT</c>: Kernel supports zero-message opens.</summary>
    NoOpenSupport = 1UL << 17,

    /// <summary><c>FUSE_PARALLEL_DIROPS</c>: Allow parallel lookups and readdir.</summary>
    ParallelDirops = 1UL << 18,

    /// <summary><c>FUSE_HANDLE_KILLPRIV</c>: File system handles killing suid/sgid/cap on write/chown/trunc.</summary>
    HandleKillpriv = 1UL << 19,

    /// <summary><c>FUSE_POSIX_ACL</c>: File system supports POSIX ACLs.</summary>
    PosixAcl = 1UL << 20,

    /// <summary><c>FUSE_ABORT_ERROR</c>: Reading the device after abort returns ECONNABORTED.</summary>
    AbortError = 1UL << 21,

    /// <summary><c>FUSE_MAX_PAGES</c>: Init_out.max_pages contains the maximum number of request pages.</summary>
    MaxPages = 1UL << 22,

    /// <summary><c>FUSE_CACHE_SYMLINKS</c>: Cache READLINK responses.</summary>
    CacheSymlinks = 1UL << 23,

    /// <summary><c>FUSE_NO_OPENDIR_SUPPORT</c>: Kernel supports zero-message opendir.</summary>
    NoOpendirSupport = 1UL << 24,

    /// <summary><c>FUSE_EXPLICIT_INVAL_DATA</c>: Only invalidate cached pages on explicit request.</summary>
    ExplicitInvalData = 1UL << 25,

    /// <summary><c>FUSE_MAP_ALIGNMENT</c>: Init_out.map_alignment contains log2 of the DAX alignment.</summary>
    MapAlignment = 1UL << 26,

    /// <summary><c>FUSE_SUBMOUNTS</c>: Kernel supports auto-mounting directory submounts.</summary>
    Submounts = 1UL << 27,

    /// <summary><c>FUSE_HANDLE_KILLPRIV_V2</c>: File system kills suid/sgid/cap on write/chown/trunc (v2 semantics).</summary>
    HandleKillprivV2 = 1UL << 28,

    /// <summary><c>FUSE_SETXATTR_EXT</c>: Use the extended fuse_setxattr_in.</summary>
    SetxattrExt = 1UL << 29,

    /// <summary><c>FUSE_INIT_EXT</c>: Extended fuse_init_in and fuse_init_out: flags2 is valid.</summary>
    InitExt = 1UL << 30,

    /// <summary><c>FUSE_INIT_RESERVED</c>: Reserved, do not use.</summary>
    InitReserved = 1UL << 31,

    /// <summary><c>FUSE_SECURITY_CTX</c>: Add security context to create, mkdir, symlink and mknod.</summary>
    SecurityCtx = 1UL << 32,

    /// <summary><c>FUSE_HAS_INODE_DAX</c>: Use per-inode DAX.</summary>
    HasInodeDax = 1UL << 33,

    /// <summary><c>FUSE_CREATE_SUPP_GROUP</c>: Add supplementary group info to create, mkdir, symlink and mknod (single group that matches parent).</summary>
    CreateSuppGroup = 1UL << 34,

    /// <summary><c>FUSE_HAS_EXPIRE_ONLY</c>: Kernel supports expiry-only entry invalidation.</summary>
    HasExpireOnly = 1UL << 35,

    /// <summary><c>FUSE_DIRECT_IO_ALLOW_MMAP</c>: Allow shared mmap in FOPEN_DIRECT_IO mode.</summary>
    DirectIoAllowMmap = 1UL << 36,

    /// <summary><c>FUSE_DIRECT_IO_RELAX</c>: Obsolete alias of FUSE_DIRECT_IO_ALLOW_MMAP.</summary>
    DirectIoRelax = DirectIoAllowMmap,

    /// <summary><c>FUSE_PASSTHROUGH</c>: Passthrough mode for read/write I/O on backing files.</summary>
    Passthrough = 1UL << 37,

    /// <summary><c>FUSE_NO_EXPORT_SUPPORT</c>: Explicitly disable export support.</summary>
    NoExportSupport = 1UL << 38,

    /// <summary><c>FUSE_HAS_RESEND</c>: Kernel supports resending pending requests, and the high bit of the request id marks resent ones.</summary>
    HasResend = 1UL << 39,

    /// <summary><c>FUSE_ALLOW_IDMAP</c>: Allow creation of idmapped mounts.</summary>
    AllowIdmap = 1UL << 40,

    /// <summary><c>FUSE_OVER_IO_URING</c>: The daemon supports io_uring communication.</summary>
    OverIoUring = 1UL << 41,

    /// <summary><c>FUSE_REQUEST_TIMEOUT</c>: Kernel supports timing out requests; init_out.request_timeout holds the timeout.</summary>
    RequestTimeout = 1UL << 42,
}
