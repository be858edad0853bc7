using System;
namespace FuseWire.Transports;

/// <summary>How <see cref="FuseMount.Mount(string, FuseMountOptions?)"/> mounts a FUSE filesystem.</summary>
public sealed record FuseMountOptions
{
    /// <summary>The mount's source, shown as the first column of /proc/mounts.</summary>
    public string FsName { get; init; } = "fusewire";

    /// <summary>The subtype: the filesystem type becomes <c>fuse.&lt;subtype&gt;</c>.</summary>
    public string? Subtype { get; init; }

    /// <summary>Let users other than the mounting one access the filesystem (<c>allow_other</c>; needs <c>user_allow_other</c> in /etc/fuse.conf when not root).</summary>
    public bool AllowOther { get; init; }

    /// <summary>Let the kernel check permissions from the file modes (<c>default_permissions</c>).</summary>
    public bool DefaultPermissions { get; init; }

    /// <summary>The largest READ the kernel sends (<c>max_read</c>), or null for the kernel's default.</summary>
    public uint? MaxRead { get; init; }

    /// <summary>Mount read-only (<c>MS_RDONLY</c>).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The root's file type and mode (<c>rootmode</c>, written in octal): S_IFDIR | 0755 by default.</summary>
    public uint RootMode { get; init; } = 0x4000 | 0x1ED;

    /// <summary>
    /// Unmount when this process dies, however it dies (<c>auto_unmount</c>, libfuse's way): the mount goes through
    /// <c>fusermount3</c> even as root, and the helper stays behind, waiting on a socket this process holds open; when the
    /// socket closes (at <see cref="FuseMount.Unmount"/>, or when the process is killed) it detaches the mount. Without it a
    /// daemon killed with SIGKILL leaves a dead mount whose users get ENOTCONN until someone unmounts it.
    /// </summary>
    public bool AutoUnmount { get; init; }

    /// <summary>More options, comma-separated, appended verbatim.</summary>
    public string? ExtraOptions { get; init; }
}
