namespace FuseWire.Protocol;

/// <summary>How a request's NUL-terminated name is checked.</summary>
internal enum FuseNameKind : byte
{
    /// <summary>No name.</summary>
    None,

    /// <summary>A directory-entry name: not empty, no '/', at most NAME_MAX bytes.</summary>
    Entry,

    /// <summary>TMPFILE's name, which the kernel sends as "/": not empty, at most NAME_MAX bytes.</summary>
    Tmpfile,

    /// <summary>A symlink target: not empty, shorter than PATH_MAX.</summary>
    Path,

    /// <summary>An extended attribute name: not empty, at most XATTR_NAME_MAX (255) bytes.</summary>
    Xattr,
}
