using System;

namespace FuseWire.Formatting;

/// <summary>
/// The kernel names of the bits of each flag field, without their common prefix (FUSE_, FOPEN_, FATTR_, ...).
/// Written out rather than derived from enum member names, so that e.g. <c>FATTR_LOCKOWNER</c> and <c>FUSE_IOCTL_32BIT</c> come out as the kernel spells them.
/// </summary>
internal sealed class FuseFlagTable
{
    private readonly FuseFlagName[] _names;

    private FuseFlagTable(params FuseFlagName[] names)
    {
        _names = names;
    }

    /// <summary>INIT flags (<c>FUSE_*</c>), 64 bits: <c>flags | flags2 &lt;&lt; 32</c>.</summary>
    public static FuseFlagTable Init { get; } = new(
        new(1UL << 0, "ASYNC_READ"), new(1UL << 1, "POSIX_LOCKS"), new(1UL << 2, "FILE_OPS"), new(1UL << 3, "ATOMIC_O_TRUNC"),
        new(1UL << 4, "EXPORT_SUPPORT"), new(1UL << 5, "BIG_WRITES"), new(1UL << 6, "DONT_MASK"), new(1UL << 7, "SPLICE_WRITE"),
        new(1UL << 8, "SPLICE_MOVE"), new(1UL << 9, "SPLICE_READ"), new(1UL << 10, "FLOCK_LOCKS"), new(1UL << 11, "HAS_IOCTL_DIR"),
        new(1UL << 12, "AUTO_INVAL_DATA"), new(1UL << 13, "DO_READDIRPLUS"), new(1UL << 14, "READDIRPLUS_AUTO"), new(1UL << 15, "ASYNC_DIO"),
        new(1UL << 16, "WRITEBACK_CACHE"), new(1UL << 17, "NO_OPEN_SUPPORT"), new(1UL << 18, "PARALLEL_DIROPS"), new(1UL << 19, "HANDLE_KILLPRIV"),
        new(1UL << 20, "POSIX_ACL"), new(1UL << 21, "ABORT_ERROR"), new(1UL << 22, "MAX_PAGES"), new(1UL << 23, "CACHE_SYMLINKS"),
        new(1UL << 24, "NO_OPENDIR_SUPPORT"), new(1UL << 25, "EXPLICIT_INVAL_DATA"), new(1UL << 26, "MAP_ALIGNMENT"), new(1UL << 27, "SUBMOUNTS"),
        new(1UL << 28, "HANDLE_KILLPRIV_V2"), new(1UL << 29, "SETXATTR_EXT"), new(1UL << 30, "INIT_EXT"), new(1UL << 31, "INIT_RESERVED"),
        new(1UL << 32, "SECURITY_CTX"), new(1UL << 33, "HAS_INODE_DAX"), new(1UL << 34, "CREATE_SUPP_GROUP"), new(1UL << 35, "HAS_EXPIRE_ONLY"),
        new(1UL << 36, "DIRECT_IO_ALLOW_MMAP"), new(1UL << 37, "PASSTHROUGH"), new(1UL << 38, "NO_EXPORT_SUPPORT"), new(1UL << 39, "HAS_RESEND"),
        new(1UL << 40, "ALLOW_IDMAP"), new(1UL << 41, "OVER_IO_URING"), new(1UL << 42, "REQUEST_TIMEOUT"));

    /// <summary><c>FOPEN_*</c> (<c>fuse_open_out.open_flags</c>).</summary>
    public static FuseFlagTable Fopen { get; } = new(
        new(1 << 0, "DIRECT_IO"), new(1 << 1, "KEEP_CACHE"), new(1 << 2, "NONSEEKABLE"), new(1 << 3, "CACHE_DIR"),
        new(1 << 4, "STREAM"), new(1 << 5, "NOFLUSH"), new(1 << 6, "PARALLEL_DIRECT_WRITES"), new(1 << 7, "PASSTHROUGH"));

    /// <summary><c>FATTR_*</c> (<c>fuse_setattr_in.valid</c>).</summary>
    public static FuseFlagTable Fattr { get; } = new(
        new(1 << 0, "MODE"), new(1 << 1, "UID"), new(1 << 2, "GID"), new(1 << 3, "SIZE"), new(1 << 4, "ATIME"), new(1 << 5, "MTIME"),
        new(1 << 6, "FH"), new(1 << 7, "ATIME_NOW"), new(1 << 8, "MTIME_NOW"), new(1 << 9, "LOCKOWNER"), new(1 << 10, "CTIME"), new(1 << 11, "KILL_SUIDGID"));

    /// <summary><c>RENAME_*</c> (<c>fuse_rename2_in.flags</c>).</summary>
    public static FuseFlagTable Rename { get; } = new(new(1 << 0, "NOREPLACE"), new(1 << 1, "EXCHANGE"), new(1 << 2, "WHITEOUT"));

    /// <summary><c>FUSE_RELEASE_*</c>.</summary>
    public static FuseFlagTable Release { get; } = new(new(1 << 0, "FLUSH"), new(1 << 1, "FLOCK_UNLOCK"));

    /// <summary><c>FUSE_FSYNC_*</c>.</summary>
    public static FuseFlagTable Fsync { get; } = new(new FuseFlagName(1 << 0, "FDATASYNC"));

    /// <summary><c>FUSE_GETATTR_*</c>.</summary>
    public static FuseFlagTable Getattr { get; } = new(new FuseFlagName(1 << 0, "FH"));

    /// <summary><c>FUSE_READ_*</c>.</summary>
    public static FuseFlagTable Read { get; } = new(new FuseFlagName(1 << 1, "LOCKOWNER"));

    /// <summary><c>FUSE_WRITE_*</c>.</summary>
    public static FuseFlagTable Write { get; } = new(new(1 << 0, "CACHE"), new(1 << 1, "LOCKOWNER"), new(1 << 2, "KILL_SUIDGID"));

    /// <summary><c>FUSE_LK_*</c>.</summary>
    public static FuseFlagTable Lk { get; } = new(new FuseFlagName(1 << 0, "FLOCK"));

    /// <summary><c>FUSE_IOCTL_*</c>.</summary>
    public static FuseFlagTable Ioctl { get; } = new(
        new(1 << 0, "COMPAT"), new(1 << 1, "UNRESTRICTED"), new(1 << 2, "RETRY"), new(1 << 3, "32BIT"), new(1 << 4, "DIR"), new(1 << 5, "COMPAT_X32"));

    /// <summary><c>FUSE_POLL_*</c>.</summary>
    public static FuseFlagTable Poll { get; } = new(new FuseFlagName(1 << 0, "SCHEDULE_NOTIFY"));

    /// <summary><c>FUSE_SETXATTR_*</c>.</summary>
    public static FuseFlagTable Setxattr { get; } = new(new FuseFlagName(1 << 0, "ACL_KILL_SGID"));

    /// <summary><c>FUSE_SETUPMAPPING_FLAG_*</c>.</summary>
    public static FuseFlagTable Setupmapping { get; } = new(new(1 << 0, "WRITE"), new(1 << 1, "READ"));

    /// <summary><c>FUSE_EXPIRE_*</c> (INVAL_ENTRY's flags).</summary>
    public static FuseFlagTable Expire { get; } = new(new FuseFlagName(1 << 0, "EXPIRE_ONLY"));

    /// <summary><c>FUSE_OPEN_*</c> (<c>fuse_open_in.open_flags</c>).</summary>
    public static FuseFlagTable OpenIn { get; } = new(new FuseFlagName(1 << 0, "KILL_SUIDGID"));

    /// <summary><c>FUSE_ATTR_*</c> (<c>fuse_attr.flags</c>).</summary>
    public static FuseFlagTable Attr { get; } = new(new(1 << 0, "SUBMOUNT"), new(1 << 1, "DAX"));

    /// <summary><c>CUSE_*</c> (CUSE_INIT flags).</summary>
    public static FuseFlagTable Cuse { get; } = new(new FuseFlagName(1 << 0, "UNRESTRICTED_IOCTL"));

    /// <summary>access(2)'s mask bits (<c>F_OK</c> is 0).</summary>
    public static FuseFlagTable Access { get; } = new(new(1 << 2, "R_OK"), new(1 << 1, "W_OK"), new(1 << 0, "X_OK"));

    /// <summary>The named bits, in the order they are written.</summary>
    public ReadOnlySpan<FuseFlagName> Names => _names;
}
