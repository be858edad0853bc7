namespace FuseWire.Abi;

/// <summary>
/// The operation of a request frame: the kernel's <c>enum fuse_opcode</c>.
/// </summary>
/// <remarks>The value is the <c>opcode</c> field of <see cref="FuseInHeader"/>.</remarks>
public enum FuseOpcode : uint
{
    /// <summary><c>FUSE_LOOKUP</c>: Look up a name in a directory.</summary>
    Lookup = 1,

    /// <summary><c>FUSE_FORGET</c>: Drop lookups of a node; never replied to.</summary>
    Forget = 2,

    /// <summary><c>FUSE_GETATTR</c>: Get attributes.</summary>
    Getattr = 3,

    /// <summary><c>FUSE_SETATTR</c>: Set attributes.</summary>
    Setattr = 4,

    /// <summary><c>FUSE_READLINK</c>: Read a symbolic link.</summary>
    Readlink = 5,

    /// <summary><c>FUSE_SYMLINK</c>: Create a symbolic link.</summary>
    Symlink = 6,

    /// <summary><c>FUSE_MKNOD</c>: Create a node.</summary>
    Mknod = 8,

    /// <summary><c>FUSE_MKDIR</c>: Create a directory.</summary>
    Mkdir = 9,

    /// <summary><c>FUSE_UNLINK</c>: Remove a file.</summary>
    Unlink = 10,

    /// <summary><c>FUSE_RMDIR</c>: Remove a directory.</summary>
    Rmdir = 11,

    /// <summary><c>FUSE_RENAME</c>: Rename.</summary>
    Rename = 12,

    /// <summary><c>FUSE_LINK</c>: Create a hard link.</summary>
    Link = 13,

    /// <summary><c>FUSE_OPEN</c>: Open a file.</summary>
    Open = 14,

    /// <summary><c>FUSE_READ</c>: Read data.</summary>
    Read = 15,

    /// <summary><c>FUSE_WRITE</c>: Write data.</summary>
    Write = 16,

    /// <summary><c>FUSE_STATFS</c>: File-system statistics.</summary>
    Statfs = 17,

    /// <summary><c>FUSE_RELEASE</c>: Close a file.</summary>
    Release = 18,

    /// <summary><c>FUSE_FSYNC</c>: Synchronise a file.</summary>
    Fsync = 20,

    /// <summary><c>FUSE_SETXATTR</c>: Set an extended attribute.</summary>
    Setxattr = 21,

    /// <summary><c>FUSE_GETXATTR</c>: Get an extended attribute.</summary>
    Getxattr = 22,

    /// <summary><c>FUSE_LISTXATTR</c>: List extended attributes.</summary>
    Listxattr = 23,

    /// <summary><c>FUSE_REMOVEXATTR</c>: Remove an extended attribute.</summary>
    Removexattr = 24,

    /// <summary><c>FUSE_FLUSH</c>: Flush on close(2).</summary>
    Flush = 25,

    /// <summary><c>FUSE_INIT</c>: Start the session.</summary>
    Init = 26,

    /// <summary><c>FUSE_OPENDIR</c>: Open a directory.</summary>
    Opendir = 27,

    /// <summary><c>FUSE_READDIR</c>: Read directory entries.</summary>
    Readdir = 28,

    /// <summary><c>FUSE_RELEASEDIR</c>: Close a directory.</summary>
    Releasedir = 29,

    /// <summary><c>FUSE_FSYNCDIR</c>: Synchronise a directory.</summary>
    Fsyncdir = 30,

    /// <summary><c>FUSE_GETLK</c>: Test for a lock.</summary>
    Getlk = 31,

    /// <summary><c>FUSE_SETLK</c>: Acquire or release a lock.</summary>
    Setlk = 32,

    /// <summary><c>FUSE_SETLKW</c>: Acquire a lock, waiting.</summary>
    Setlkw = 33,

    /// <summary><c>FUSE_ACCESS</c>: Check access rights.</summary>
    Access = 34,

    /// <summary><c>FUSE_CREATE</c>: Create and open a file.</summary>
    Create = 35,

    /// <summary><c>FUSE_INTERRUPT</c>: Interrupt a request.</summary>
    Interrupt = 36,

    /// <summary><c>FUSE_BMAP</c>: Map a block.</summary>
    Bmap = 37,

    /// <summary><c>FUSE_DESTROY</c>: End the session.</summary>
    Destroy = 38,

    /// <summary><c>FUSE_IOCTL</c>: An ioctl.</summary>
    Ioctl = 39,

    /// <summary><c>FUSE_POLL</c>: Poll for events.</summary>
    Poll = 40,

    /// <summary><c>FUSE_NOTIFY_REPLY</c>: The kernel's answer to FUSE_NOTIFY_RETRIEVE; never replied to.</summary>
    NotifyReply = 41,

    /// <summary><c>FUSE_BATCH_FORGET</c>: Drop lookups of many nodes; never replied to.</summary>
    BatchForget = 42,

    /// <summary><c>FUSE_FALLOCATE</c>: Allocate space.</summary>
    Fallocate = 43,

    /// <summary><c>FUSE_READDIRPLUS</c>: Read directory entries with attributes.</summary>
    Readdirplus = 44,

    /// <summary><c>FUSE_RENAME2</c>: Rename with flags.</summary>
    Rename2 = 45,

    /// <summary><c>FUSE_LSEEK</c>: Find data or a hole.</summary>
    Lseek = 46,

    /// <summary><c>FUSE_COPY_FILE_RANGE</c>: Copy a range between files.</summary>
    CopyFileRange = 47,

    /// <summary><c>FUSE_SETUPMAPPING</c>: Set up a DAX mapping.</summary>
    Setupmapping = 48,

    /// <summary><c>FUSE_REMOVEMAPPING</c>: Remove DAX mappings.</summary>
    Removemapping = 49,

    /// <summary><c>FUSE_SYNCFS</c>: Synchronise the file system.</summary>
    Syncfs = 50,

    /// <summary><c>FUSE_TMPFILE</c>: Create an unnamed temporary file.</summary>
    Tmpfile = 51,

    /// <summary><c>FUSE_STATX</c>: Get extended attributes (statx).</summary>
    Statx = 52,

    /// <summary><c>FUSE_COPY_FILE_RANGE_64</c>: Copy a range between files, with a 64-bit result.</summary>
    CopyFileRange64 = 53,

    /// <summary><c>CUSE_INIT</c>: Start a CUSE session.</summary>
    CuseInit = 4096,
}
