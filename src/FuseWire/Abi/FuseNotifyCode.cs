namespace FuseWire.Abi;

/// <summary>
/// The code of a notification: the kernel's <c>enum fuse_notify_code</c>.
/// </summary>
/// <remarks>A notification is an out frame with unique 0 whose <c>error</c> field carries the code.</remarks>
public enum FuseNotifyCode : int
{
    /// <summary><c>FUSE_NOTIFY_POLL</c>: Wake up a poller (<see cref="FuseNotifyPollWakeupOut"/>).</summary>
    Poll = 1,

    /// <summary><c>FUSE_NOTIFY_INVAL_INODE</c>: Invalidate an inode's cache (<see cref="FuseNotifyInvalInodeOut"/>).</summary>
    InvalInode = 2,

    /// <summary><c>FUSE_NOTIFY_INVAL_ENTRY</c>: Invalidate a directory entry (<see cref="FuseNotifyInvalEntryOut"/>).</summary>
    InvalEntry = 3,

    /// <summary><c>FUSE_NOTIFY_STORE</c>: Store data in the page cache (<see cref="FuseNotifyStoreOut"/>).</summary>
    Store = 4,

    /// <summary><c>FUSE_NOTIFY_RETRIEVE</c>: Retrieve data from the page cache (<see cref="FuseNotifyRetrieveOut"/>).</summary>
    Retrieve = 5,

    /// <summary><c>FUSE_NOTIFY_DELETE</c>: Delete a directory entry (<see cref="FuseNotifyDeleteOut"/>).</summary>
    Delete = 6,

    /// <summary><c>FUSE_NOTIFY_RESEND</c>: Ask the kernel to resend pending requests (7.40; no body).</summary>
    Resend = 7,

    /// <summary><c>FUSE_NOTIFY_INC_EPOCH</c>: Increment the epoch, invalidating all dentries (7.44; no body).</summary>
    IncEpoch = 8,

    /// <summary><c>FUSE_NOTIFY_PRUNE</c>: Prune unused inodes (7.45, <see cref="FuseNotifyPruneOut"/>).</summary>
    Prune = 9,
}
