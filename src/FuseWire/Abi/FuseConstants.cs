namespace FuseWire.Abi;

/// <summary>
/// The numeric constants of the kernel's FUSE header that are not flags or enumerations.
/// </summary>
/// <remarks>Each constant carries the kernel's name in its summary, so a reader of <c>fuse.h</c> finds it.</remarks>
public static class FuseConstants
{
    /// <summary><c>FUSE_KERNEL_VERSION</c>: the protocol's major version.</summary>
    public const uint KernelVersion = 7;

    /// <summary><c>FUSE_KERNEL_MINOR_VERSION</c>: the newest minor version FuseWire speaks.</summary>
    public const uint KernelMinorVersion = 45;

    /// <summary><c>FUSE_ROOT_ID</c>: the node id of the root directory.</summary>
    public const ulong RootId = 1;

    /// <summary><c>FUSE_MIN_READ_BUFFER</c>: the smallest buffer a daemon may read requests into.</summary>
    public const int MinReadBuffer = 8192;

    /// <summary><c>FUSE_COMPAT_ENTRY_OUT_SIZE</c>: <see cref="FuseEntryOut"/> before 7.9.</summary>
    public const int CompatEntryOutSize = 120;

    /// <summary><c>FUSE_COMPAT_ATTR_OUT_SIZE</c>: <see cref="FuseAttrOut"/> before 7.9.</summary>
    public const int CompatAttrOutSize = 96;

    /// <summary><c>FUSE_COMPAT_MKNOD_IN_SIZE</c>: <see cref="FuseMknodIn"/> before 7.12.</summary>
    public const int CompatMknodInSize = 8;

    /// <summary><c>FUSE_COMPAT_WRITE_IN_SIZE</c>: <see cref="FuseWriteIn"/> (and <see cref="FuseReadIn"/>) before 7.9.</summary>
    public const int CompatWriteInSize = 24;

    /// <summary><c>FUSE_COMPAT_STATFS_SIZE</c>: <see cref="FuseStatfsOut"/> before 7.4.</summary>
    public const int CompatStatfsSize = 48;

    /// <summary><c>FUSE_COMPAT_SETXATTR_IN_SIZE</c>: <see cref="FuseSetxattrIn"/> without FUSE_SETXATTR_EXT.</summary>
    public const int CompatSetxattrInSize = 8;

    /// <summary><c>FUSE_COMPAT_INIT_OUT_SIZE</c>: <see cref="FuseInitOut"/> before 7.5.</summary>
    public const int CompatInitOutSize = 8;

    /// <summary><c>FUSE_COMPAT_22_INIT_OUT_SIZE</c>: <see cref="FuseInitOut"/> before 7.23.</summary>
    public const int Compat22InitOutSize = 24;

    /// <summary>The size of <see cref="FuseInitIn"/> before 7.36 (major, minor, max_readahead, flags).</summary>
    public const int CompatInitInSize = 16;

    /// <summary><c>CUSE_INIT_INFO_MAX</c>: the most bytes of device info after <see cref="CuseInitOut"/>.</summary>
    public const int CuseInitInfoMax = 4096;

    /// <summary><c>FUSE_IOCTL_MAX_IOV</c>: the most input plus output iovecs of an ioctl retry.</summary>
    public const int IoctlMaxIov = 256;

    /// <summary><c>FUSE_UNIQUE_RESEND</c>: the bit of <c>unique</c> that marks a resent request (7.40).</summary>
    public const ulong UniqueResend = 1UL << 63;

    /// <summary><c>FUSE_INVALID_UIDGID</c>: the uid or gid of a request that has no mapping in the mount's namespace.</summary>
    public const uint InvalidUidGid = uint.MaxValue;

    /// <summary><c>FUSE_NAME_OFFSET</c>: where the name starts inside a <see cref="FuseDirent"/> record.</summary>
    public const int NameOffset = FuseDirent.StructSize;

    /// <summary><c>FUSE_NAME_OFFSET_DIRENTPLUS</c>: where the name starts inside a <see cref="FuseDirentplus"/> record.</summary>
    public const int NameOffsetDirentplus = FuseDirentplus.StructSize;

    /// <summary><c>FUSE_REC_ALIGN</c>'s alignment: directory records and extensions are padded to 8 bytes.</summary>
    public const int RecordAlignment = 8;

    /// <summary><c>FUSE_URING_IN_OUT_HEADER_SZ</c>: the in/out header area of an io_uring entry.</summary>
    public const int UringInOutHeaderSize = 128;

    /// <summary><c>FUSE_URING_OP_IN_OUT_SZ</c>: the operation argument area of an io_uring entry.</summary>
    public const int UringOpInOutSize = 128;

    /// <summary><c>FUSE_DEV_IOC_MAGIC</c>: the ioctl type byte of /dev/fuse ioctls.</summary>
    public const uint DevIocMagic = 229;

    /// <summary><c>FUSE_DEV_IOC_CLONE</c>: <c>_IOR(229, 0, uint32_t)</c>, clone a session onto a new /dev/fuse descriptor.</summary>
    public const uint DevIocClone = 0x8004E500;

    /// <summary><c>FUSE_DEV_IOC_BACKING_OPEN</c>: <c>_IOW(229, 1, struct fuse_backing_map)</c>, register a backing file (7.40).</summary>
    public const uint DevIocBackingOpen = 0x4010E501;

    /// <summary><c>FUSE_DEV_IOC_BACKING_CLOSE</c>: <c>_IOW(229, 2, uint32_t)</c>, unregister a backing file (7.40).</summary>
    public const uint DevIocBackingClose = 0x4004E502;

    /// <summary><c>FUSE_DEV_IOC_SYNC_INIT</c>: <c>_IO(229, 3)</c>, ask for INIT to be handled synchronously at mount.</summary>
    public const uint DevIocSyncInit = 0xE503;

    /// <summary>Largest error magnitude the kernel accepts in a reply: it refuses an <c>error</c> at or below -512 (-ERESTARTSYS).</summary>
    public const int MaxErrno = 511;

    /// <summary>Linux's NAME_MAX: the longest name of a directory entry, in bytes.</summary>
    public const int NameMax = 255;

    /// <summary>Linux's PATH_MAX: the longest path (symlink target), in bytes, including the terminating NUL.</summary>
    public const int PathMax = 4096;

    /// <summary><c>CUSE_INIT_BSWAP_RESERVED</c>: CUSE_INIT byte-swapped (<c>CUSE_INIT &lt;&lt; 8</c>), reserved to detect a peer of the other endianness; never a valid opcode.</summary>
    public const uint CuseInitBswapReserved = 1048576;

    /// <summary><c>FUSE_INIT_BSWAP_RESERVED</c>: FUSE_INIT byte-swapped (<c>FUSE_INIT &lt;&lt; 24</c>), reserved to detect a peer of the other endianness; never a valid opcode.</summary>
    public const uint FuseInitBswapReserved = 436207616;
}
