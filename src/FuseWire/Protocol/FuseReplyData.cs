namespace FuseWire.Protocol;

/// <summary>What may follow a reply's fixed argument.</summary>
internal enum FuseReplyData : byte
{
    /// <summary>Nothing: more bytes make a long reply.</summary>
    None,

    /// <summary>Raw bytes, at most the request's size when it stated one (READ, READLINK, LISTXATTR, GETXATTR).</summary>
    Bytes,

    /// <summary>READDIR records (<c>fuse_dirent</c>), at most the request's size.</summary>
    Dirents,

    /// <summary>READDIRPLUS records (<c>fuse_direntplus</c>), at most the request's size.</summary>
    Direntplus,

    /// <summary>IOCTL output after <c>fuse_ioctl_out</c>, at most the request's out_size (or iovecs on retry).</summary>
    IoctlOutput,

    /// <summary>CUSE device info strings after <c>cuse_init_out</c>, at most CUSE_INIT_INFO_MAX.</summary>
    CuseInfo,
}
