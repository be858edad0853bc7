namespace FuseWire.Tests.Abi;

/// <summary>
/// The parts of the FUSE 7.45 header (Linux 6.18 include/uapi/linux/fuse.h) that the 7.38 header lacks or has differently,
/// copied as C so that gcc can confirm every number of <see cref="Fuse745Table"/>. Compiled on its own, without
/// <c>&lt;linux/fuse.h&gt;</c>, so the 7.45 forms of fuse_init_out and fuse_open_out do not clash with the 7.38 ones.
/// </summary>
internal static class Fuse745Excerpt
{
    /// <summary>The C declarations (no includes, no main).</summary>
    public const string Source = """
        #define FUSE_KERNEL_VERSION 7
        #define FUSE_KERNEL_MINOR_VERSION 45

        struct fuse_sx_time {
        	int64_t		tv_sec;
        	uint32_t	tv_nsec;
        	int32_t		__reserved;
        };

        struct fuse_statx {
        	uint32_t	mask;
        	uint32_t	blksize;
        	uint64_t	attributes;
        	uint32_t	nlink;
        	uint32_t	uid;
        	uint32_t	gid;
        	uint16_t	mode;
        	uint16_t	__spare0[1];
        	uint64_t	ino;
        	uint64_t	size;
        	uint64_t	blocks;
        	uint64_t	attributes_mask;
        	struct fuse_sx_time	atime;
        	struct fuse_sx_time	btime;
        	struct fuse_sx_time	ctime;
        	struct fuse_sx_time	mtime;
        	uint32_t	rdev_major;
        	uint32_t	rdev_minor;
        	uint32_t	dev_major;
        	uint32_t	dev_minor;
        	uint64_t	__spare2[14];
        };

        #define FOPEN_PASSTHROUGH	(1 << 7)

        #define FUSE_CREATE_SUPP_GROUP	(1ULL << 34)
        #define FUSE_HAS_EXPIRE_ONLY	(1ULL << 35)
        #define FUSE_DIRECT_IO_ALLOW_MMAP (1ULL << 36)
        #define FUSE_PASSTHROUGH	(1ULL << 37)
        #define FUSE_NO_EXPORT_SUPPORT	(1ULL << 38)
        #define FUSE_HAS_RESEND		(1ULL << 39)
        /* Obsolete alias for FUSE_DIRECT_IO_ALLOW_MMAP */
        #define FUSE_DIRECT_IO_RELAX	FUSE_DIRECT_IO_ALLOW_MMAP
        #define FUSE_ALLOW_IDMAP	(1ULL << 40)
        #define FUSE_OVER_IO_URING	(1ULL << 41)
        #define FUSE_REQUEST_TIMEOUT	(1ULL << 42)

        enum fuse_ext_type {
        	/* Types 0..31 are reserved for fuse_secctx_header */
        	FUSE_MAX_NR_SECCTX	= 31,
        	FUSE_EXT_GROUPS		= 32,
        };

        enum fuse_opcode { /* excerpt: the opcodes after FUSE_TMPFILE = 51 */
        	FUSE_STATX		= 52,
        	FUSE_COPY_FILE_RANGE_64	= 53,
        };

        enum fuse_notify_code {
        	FUSE_NOTIFY_POLL   = 1,
        	FUSE_NOTIFY_INVAL_INODE = 2,
        	FUSE_NOTIFY_INVAL_ENTRY = 3,
        	FUSE_NOTIFY_STORE = 4,
        	FUSE_NOTIFY_RETRIEVE = 5,
        	FUSE_NOTIFY_DELETE = 6,
        	FUSE_NOTIFY_RESEND = 7,
        	FUSE_NOTIFY_INC_EPOCH = 8,
        	FUSE_NOTIFY_PRUNE = 9,
        };

        struct fuse_statx_in {
        	uint32_t	getattr_flags;
        	uint32_t	reserved;
        	uint64_t	fh;
        	uint32_t	sx_flags;
        	uint32_t	sx_mask;
        };

        struct fuse_statx_out {
        	uint64_t	attr_valid;	/* Cache timeout for the attributes */
        	uint32_t	attr_valid_nsec;
        	uint32_t	flags;
        	uint64_t	spare[2];
        	struct fuse_statx stat;
        };

        struct fuse_open_out {
        	uint64_t	fh;
        	uint32_t	open_flags;
        	int32_t		backing_id;
        };

        struct fuse_init_out {
        	uint32_t	major;
        	uint32_t	minor;
        	uint32_t	max_readahead;
        	uint32_t	flags;
        	uint16_t	max_background;
        	uint16_t	congestion_threshold;
        	uint32_t	max_write;
        	uint32_t	time_gran;
        	uint16_t	max_pages;
        	uint16_t	map_alignment;
        	uint32_t	flags2;
        	uint32_t	max_stack_depth;
        	uint16_t	request_timeout;
        	uint16_t	unused[11];
        };

        #define FUSE_UNIQUE_RESEND (1ULL << 63)

        #define FUSE_INVALID_UIDGID ((uint32_t)(-1))

        struct fuse_notify_prune_out {
        	uint32_t	count;
        	uint32_t	padding;
        	uint64_t	spare;
        };

        struct fuse_backing_map {
        	int32_t		fd;
        	uint32_t	flags;
        	uint64_t	padding;
        };

        /* Device ioctls: */
        #define FUSE_DEV_IOC_MAGIC		229
        #define FUSE_DEV_IOC_CLONE		_IOR(FUSE_DEV_IOC_MAGIC, 0, uint32_t)
        #define FUSE_DEV_IOC_BACKING_OPEN	_IOW(FUSE_DEV_IOC_MAGIC, 1, \
        					     struct fuse_backing_map)
        #define FUSE_DEV_IOC_BACKING_CLOSE	_IOW(FUSE_DEV_IOC_MAGIC, 2, uint32_t)
        #define FUSE_DEV_IOC_SYNC_INIT		_IO(FUSE_DEV_IOC_MAGIC, 3)

        /* For FUSE_COPY_FILE_RANGE_64 */
        struct fuse_copy_file_range_out {
        	uint64_t	bytes_copied;
        };

        struct fuse_supp_groups {
        	uint32_t	nr_groups;
        	uint32_t	groups[];
        };

        #define FUSE_URING_IN_OUT_HEADER_SZ 128
        #define FUSE_URING_OP_IN_OUT_SZ 128

        struct fuse_uring_ent_in_out {
        	uint64_t flags;
        	uint64_t commit_id;
        	uint32_t payload_sz;
        	uint32_t padding;
        	uint64_t reserved;
        };

        struct fuse_uring_req_header {
        	char in_out[FUSE_URING_IN_OUT_HEADER_SZ];
        	char op_in[FUSE_URING_OP_IN_OUT_SZ];
        	struct fuse_uring_ent_in_out ring_ent_in_out;
        };

        enum fuse_uring_cmd {
        	FUSE_IO_URING_CMD_INVALID = 0,
        	FUSE_IO_URING_CMD_REGISTER = 1,
        	FUSE_IO_URING_CMD_COMMIT_AND_FETCH = 2,
        };

        struct fuse_uring_cmd_req {
        	uint64_t flags;
        	uint64_t commit_id;
        	uint16_t qid;
        	uint8_t padding[6];
        };
        """;
}
