using System.Collections.Generic;
using System.Linq;

namespace FuseWire.Tests.Abi;

/// <summary>
/// What the FUSE 7.45 header (Linux 6.18's include/uapi/linux/fuse.h, as libfuse's include/fuse_kernel.h carries it)
/// has beyond, or differently from, the 7.38 header of Debian 12's linux-libc-dev: sizes, offsets and values, written by hand
/// from the header and C's layout rules on Linux (natural alignment: u16 at 2, u32 at 4, u64 at 8; a struct aligned to its
/// widest member and padded to a multiple of it). <see cref="Fuse745Excerpt"/> holds the definitions these numbers are taken
/// from, and a test has gcc confirm them.
/// </summary>
internal static class Fuse745Table
{
    /// <summary>Structs new since 7.38 (fuse_supp_groups is 7.38 upstream, but came after Linux 6.1's 7.38 header).</summary>
    public static IReadOnlyList<Fuse745Struct> Structs { get; } =
    [
        new("fuse_supp_groups", 4, 38,
        [
            new("nr_groups", 0, 4), // then uint32_t groups[] (flexible, at 4)
        ]),
        new("fuse_sx_time", 16, 39,
        [
            new("tv_sec", 0, 8),
            new("tv_nsec", 8, 4),
            new("__reserved", 12, 4),
        ]),
        new("fuse_statx", 256, 39,
        [
            new("mask", 0, 4),
            new("blksize", 4, 4),
            new("attributes", 8, 8),
            new("nlink", 16, 4),
            new("uid", 20, 4),
            new("gid", 24, 4),
            new("mode", 28, 2),
            new("__spare0", 30, 2), // uint16_t __spare0[1]
            new("ino", 32, 8),
            new("size", 40, 8),
            new("blocks", 48, 8),
            new("attributes_mask", 56, 8),
            new("atime", 64, 16),
            new("btime", 80, 16),
            new("ctime", 96, 16),
            new("mtime", 112, 16),
            new("rdev_major", 128, 4),
            new("rdev_minor", 132, 4),
            new("dev_major", 136, 4),
            new("dev_minor", 140, 4),
            new("__spare2", 144, 112), // uint64_t __spare2[14]
        ]),
        new("fuse_statx_in", 24, 39,
        [
            new("getattr_flags", 0, 4),
            new("reserved", 4, 4),
            new("fh", 8, 8),
            new("sx_flags", 16, 4),
            new("sx_mask", 20, 4),
        ]),
        new("fuse_statx_out", 288, 39,
        [
            new("attr_valid", 0, 8),
            new("attr_valid_nsec", 8, 4),
            new("flags", 12, 4),
            new("spare", 16, 16), // uint64_t spare[2]
            new("stat", 32, 256),
        ]),
        new("fuse_backing_map", 16, 40,
        [
            new("fd", 0, 4),
            new("flags", 4, 4),
            new("padding", 8, 8),
        ]),
        new("fuse_uring_ent_in_out", 32, 42,
        [
            new("flags", 0, 8),
            new("commit_id", 8, 8),
            new("payload_sz", 16, 4),
            new("padding", 20, 4),
            new("reserved", 24, 8),
        ]),
        new("fuse_uring_req_header", 288, 42,
        [
            new("in_out", 0, 128), // char in_out[FUSE_URING_IN_OUT_HEADER_SZ]
            new("op_in", 128, 128), // char op_in[FUSE_URING_OP_IN_OUT_SZ]
            new("ring_ent_in_out", 256, 32),
        ]),
        new("fuse_uring_cmd_req", 24, 42,
        [
            new("flags", 0, 8),
            new("commit_id", 8, 8),
            new("qid", 16, 2),
            new("padding", 18, 6), // uint8_t padding[6]
        ]),
        new("fuse_copy_file_range_out", 8, 45,
        [
            new("bytes_copied", 0, 8),
        ]),
        new("fuse_notify_prune_out", 16, 45,
        [
            new("count", 0, 4),
            new("padding", 4, 4),
            new("spare", 8, 8),
        ]),
    ];

    /// <summary>Members added to, or changed in, structs the 7.38 header has (whose sizes did not change).</summary>
    public static IReadOnlyList<Fuse745Field> Fields { get; } =
    [
        // struct fuse_init_out keeps 64 bytes: ... uint32_t flags2 (32); uint32_t max_stack_depth (36);
        // uint16_t request_timeout (40); uint16_t unused[11] (42..63).
        new("fuse_init_out", "max_stack_depth", 36, 4, 40),
        new("fuse_init_out", "request_timeout", 40, 2, 43),
        new("fuse_init_out", "unused", 42, 22, 43, Was: "uint32_t unused[7] at 36 (28 bytes) up to 7.39, uint32_t unused[6] at 40 in 7.40 to 7.42"),

        // struct fuse_open_out keeps 16 bytes: uint64_t fh (0); uint32_t open_flags (8); int32_t backing_id (12).
        new("fuse_open_out", "backing_id", 12, 4, 40, Was: "uint32_t padding at 12", Replaces: "padding"),
    ];

    /// <summary>Constants new since 7.38, or with another value than the 7.38 header's.</summary>
    public static IReadOnlyList<Fuse745Constant> Constants { get; } =
    [
        new("FUSE_KERNEL_MINOR_VERSION", 45, 45),

        // INIT flags (bits 32..63 travel in flags2).
        new("FUSE_CREATE_SUPP_GROUP", 1UL << 34, 38),
        new("FUSE_DIRECT_IO_ALLOW_MMAP", 1UL << 36, 39),
        new("FUSE_DIRECT_IO_RELAX", 1UL << 36, 39),
        new("FUSE_PASSTHROUGH", 1UL << 37, 40),
        new("FUSE_NO_EXPORT_SUPPORT", 1UL << 38, 40),
        new("FUSE_HAS_RESEND", 1UL << 39, 40),
        new("FUSE_ALLOW_IDMAP", 1UL << 40, 41),
        new("FUSE_OVER_IO_URING", 1UL << 41, 42),
        new("FUSE_REQUEST_TIMEOUT", 1UL << 42, 43),

        new("FOPEN_PASSTHROUGH", 1UL << 7, 40),

        // enum fuse_ext_type
        new("FUSE_EXT_GROUPS", 32, 38),

        // enum fuse_opcode
        new("FUSE_STATX", 52, 39),
        new("FUSE_COPY_FILE_RANGE_64", 53, 45),

        // enum fuse_notify_code
        new("FUSE_NOTIFY_RESEND", 7, 40),
        new("FUSE_NOTIFY_INC_EPOCH", 8, 44),
        new("FUSE_NOTIFY_PRUNE", 9, 45),

        new("FUSE_UNIQUE_RESEND", 1UL << 63, 40),
        new("FUSE_INVALID_UIDGID", 0xFFFF_FFFF, 41), // ((uint32_t)(-1))

        // Device ioctls, asm-generic encoding (x86, arm64, riscv, ...): dir << 30 | size << 16 | type << 8 | nr.
        new("FUSE_DEV_IOC_BACKING_OPEN", 0x4010_E501, 40), // _IOW(229, 1, struct fuse_backing_map): write, 16 bytes
        new("FUSE_DEV_IOC_BACKING_CLOSE", 0x4004_E502, 40), // _IOW(229, 2, uint32_t): write, 4 bytes
        new("FUSE_DEV_IOC_SYNC_INIT", 0xE503, 45), // _IO(229, 3): no direction, no size

        // FUSE over io_uring.
        new("FUSE_URING_IN_OUT_HEADER_SZ", 128, 42),
        new("FUSE_URING_OP_IN_OUT_SZ", 128, 42),
        new("FUSE_IO_URING_CMD_INVALID", 0, 42),
        new("FUSE_IO_URING_CMD_REGISTER", 1, 42),
        new("FUSE_IO_URING_CMD_COMMIT_AND_FETCH", 2, 42),

        // Not a UAPI definition: fs/fuse/dev.c rejects a reply whose error is <= -ERESTARTSYS (-512, include/linux/errno.h).
        new("FuseConstants.MaxErrno", 511, 0, InExcerpt: false, Note: "fs/fuse/dev.c: oh.error <= -ERESTARTSYS (512) is refused"),
    ];

    /// <summary>The table's member of <c>struct <paramref name="structName"/></c> named <paramref name="field"/>, as (offset, size, version).</summary>
    public static (int Offset, int Size, int Version)? FindField(string structName, string field)
    {
        if (Structs.FirstOrDefault(s => s.Name == structName) is { } s
            && s.Members.FirstOrDefault(m => m.Name == field) is { } m)
        {
            return (m.Offset, m.Size, s.Version);
        }

        return Fields.FirstOrDefault(f => f.Struct == structName && f.Name == field) is { } f ? (f.Offset, f.Size, f.Version) : null;
    }

    /// <summary>The table's constant named <paramref name="name"/>, or null.</summary>
    public static Fuse745Constant? FindConstant(string name) => Constants.FirstOrDefault(c => c.Name == name);
}
