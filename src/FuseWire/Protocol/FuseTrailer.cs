namespace FuseWire.Protocol;

/// <summary>What follows a request's fixed argument and names.</summary>
internal enum FuseTrailer : byte
{
    /// <summary>Nothing (extra bytes are ignored).</summary>
    None,

    /// <summary>WRITE data: <c>fuse_write_in.size</c> bytes.</summary>
    WriteData,

    /// <summary>SETXATTR value: <c>fuse_setxattr_in.size</c> bytes.</summary>
    XattrValue,

    /// <summary>IOCTL input: <c>fuse_ioctl_in.in_size</c> bytes.</summary>
    IoctlInput,

    /// <summary>NOTIFY_REPLY data: <c>fuse_notify_retrieve_in.size</c> bytes.</summary>
    NotifyReplyData,

    /// <summary>BATCH_FORGET entries: <c>count</c> × 16 bytes.</summary>
    Forgets,

    /// <summary>REMOVEMAPPING entries: <c>count</c> × 16 bytes.</summary>
    RemoveMappings,
}
