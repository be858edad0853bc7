namespace FuseWire.Abi;

/// <summary>
/// The io_uring commands of FUSE over io_uring: the kernel's <c>enum fuse_uring_cmd</c>.
/// </summary>
/// <remarks>Protocol 7.42.</remarks>
public enum FuseUringCmd : uint
{
    /// <summary><c>FUSE_IO_URING_CMD_INVALID</c>: Invalid.</summary>
    Invalid = 0,

    /// <summary><c>FUSE_IO_URING_CMD_REGISTER</c>: Register a ring entry.</summary>
    Register = 1,

    /// <summary><c>FUSE_IO_URING_CMD_COMMIT_AND_FETCH</c>: Commit a reply and fetch the next request.</summary>
    CommitAndFetch = 2,
}
