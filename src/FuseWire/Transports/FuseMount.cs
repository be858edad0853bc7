using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using FuseWire.Interop;

namespace FuseWire.Transports;

/// <summary>
/// A mounted FUSE filesystem and the /dev/fuse descriptor that serves it. The kernel queues FUSE_INIT as soon as the
/// mount exists; the daemon reads it from <see cref="Device"/>.
/// </summary>
public sealed class FuseMount : IDisposable
{
    private readonly FuseMountMethod _method;
    private readonly string? _helperUser;
    private int _unmounted;
    private int _helperSocket;

    private FuseMount(FuseDevice device, string mountPoint, FuseMountMethod method, string? helperUser, int helperSocket = -1)
    {
        Device = device;
        MountPoint = mountPoint;
        _method = method;
        _helperUser = helperUser;
        _helperSocket = helperSocket;
    }

    /// <summary>The device descriptor attached to the mount.</summary>
    public FuseDevice Device { get; }

    /// <summary>The absolute mount point.</summary>
    public string MountPoint { get; }

    /// <summary>Whether <see cref="Unmount"/> has not completed yet.</summary>
    public bool IsMounted => Volatile.Read(ref _unmounted) == 0;

    /// <summary>
    /// Mounts a FUSE filesystem on <paramref name="mountPoint"/>. As root: mount(2) with source <see cref="FuseMountOptions.FsName"/>,
    /// type <c>fuse</c> or <c>fuse.&lt;subtype&gt;</c>, MS_NOSUID | MS_NODEV (| MS_RDONLY) and data
    /// <c>fd=N,rootmode=…,user_id=…,group_id=…</c>. When not root, or when mount(2) fails with EPERM: through
    /// <c>fusermount3</c>, which passes the mounted descriptor back over a socket. <see cref="FuseMountOptions.AutoUnmount"/>
    /// (or <c>auto_unmount</c> in <see cref="FuseMountOptions.ExtraOptions"/>) always goes through fusermount3, which then
    /// stays behind and unmounts once this process closes its end of the socket (at <see cref="Unmount"/> or when the
    /// process dies).
    /// </summary>
    /// <param name="mountPoint">An existing directory.</param>
    /// <param name="options">The options, or null for the defaults.</param>
    /// <returns>The mount.</returns>
    /// <exception cref="DirectoryNotFoundException">The mount point is not a directory.</exception>
    /// <exception cref="IOException">The mount failed.</exception>
    public static FuseMount Mount(string mountPoint, FuseMountOptions? options = null) =>
        Mount(mountPoint, options, FuseMountMethod.Automatic, helperUser: null);

    /// <summary>Mounts with a chosen method; <paramref name="helperUser"/> runs fusermount3 as another user (tests).</summary>
    /// <param name="mountPoint">An existing directory.</param>
    /// <param name="options">The options, or null.</param>
    /// <param name="method">How to mount.</param>
    /// <param name="helperUser">The user fusermount3 runs as (mount and unmount), or null.</param>
    /// <returns>The mount.</returns>
    internal static FuseMount Mount(string mountPoint, FuseMountOptions? options, FuseMountMethod method, string? helperUser)
    {
        ArgumentException.ThrowIfNullOrEmpty(mountPoint);
        options ??= new FuseMountOptions();
        Validate(options);
        string target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(mountPoint));
        if (target.Length == 0)
        {
            target = "/";
        }

        if (!Directory.Exists(target))
        {
            throw new DirectoryNotFoundException($"The mount point '{target}' is not a directory.");
        }

        bool root = LibC.GetEUid() == 0;
        bool autoUnmount = options.AutoUnmount || options.ExtraOptions?.Contains("auto_unmount", StringComparison.Ordinal) == true;
        if (method == FuseMountMethod.Syscall || (method == FuseMountMethod.Automatic && root && !autoUnmount))
        {
            FuseDevice device = FuseDevice.Open();
            int errno = MountSyscall(device, target, options);
            if (errno == 0)
            {
                return new FuseMount(device, target, FuseMountMethod.Syscall, null);
            }

            device.Dispose();
            if (errno != LibC.EPERM || method == FuseMountMethod.Syscall)
            {
                throw Errors.IO($"mount({target})", errno);
            }
        }

        int fd = Fusermount.Mount(target, FusermountOptions(options), helperUser, out int keepAlive);
        return new FuseMount(FuseDevice.FromDescriptor(fd), target, FuseMountMethod.Fusermount, helperUser, keepAlive);
    }

    /// <summary>
    /// Unmounts, as libfuse's <c>fuse_kern_unmount</c>: closes the device first, so a synchronous umount cannot deadlock on
    /// our own filesystem, then umount2 as root (with <paramref name="detach"/>: MNT_DETACH | MNT_FORCE), or
    /// <c>fusermount3 -u [-z]</c> otherwise. Idempotent; a mount that is already gone is not an error.
    /// </summary>
    /// <remarks>
    /// <para>Closing the device does not end the connection while a <see cref="FuseDevice.Read"/> blocked on another thread
    /// (or a clone) keeps a descriptor open. As root a lazy unmount therefore also forces (MNT_FORCE: the kernel's
    /// <c>umount_begin</c> aborts the connection), as libfuse's close-then-detach does: every blocked read returns
    /// <see cref="FuseReadStatus.Unmounted"/> at once, so the session ends even while files are still open on the
    /// filesystem, and those files get ENOTCONN (ECONNABORTED for a request in flight). Through fusermount3 (not root) the
    /// blocked reads end only when the superblock goes away, after the last open file closes.</para>
    /// <para>The kernel sends no FUSE_DESTROY when a /dev/fuse mount is unmounted.</para>
    /// </remarks>
    /// <param name="detach">Lazy unmount: detach now even when files are open (they fail from then on, as root).</param>
    public void Unmount(bool detach = true)
    {
        if (!IsMounted)
        {
            return;
        }

        // auto_unmount: fusermount3 also unmounts once its socket closes; whoever comes second finds nothing to do.
        Abandon();
        bool viaHelper = _method == FuseMountMethod.Fusermount && (_helperUser is not null || LibC.GetEUid() != 0);
        if (viaHelper)
        {
            (int exitCode, string errors) = Fusermount.Unmount(MountPoint, detach, _helperUser);
            if (exitCode != 0 && IsMountPoint(MountPoint))
            {
                throw new IOException($"{Fusermount.DefaultProgram} -u {MountPoint} failed (exit code {exitCode}): {errors}");
            }
        }
        else if (LibC.Umount2(MountPoint, detach ? LibC.MntDetach | LibC.MntForce : 0) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is not (LibC.EINVAL or LibC.ENOENT))
            {
                throw Errors.IO($"umount2({MountPoint})", errno);
            }
        }

        Volatile.Write(ref _unmounted, 1);
    }

    /// <summary>Closes the device and the auto_unmount helper's socket without unmounting, as a daemon that crashed would (tests).</summary>
    internal void Abandon()
    {
        Device.Dispose();
        int helperSocket = Interlocked.Exchange(ref _helperSocket, -1);
        if (helperSocket >= 0)
        {
            _ = LibC.Close(helperSocket);
        }
    }

    /// <summary>Unmounts with <c>detach: true</c>.</summary>
    public void Dispose() => Unmount(detach: true);

    /// <summary>Whether <paramref name="path"/> is a mount point in this process's mount namespace (/proc/self/mountinfo).</summary>
    /// <param name="path">A path; made absolute, trailing separators ignored.</param>
    /// <returns>True when some mount sits exactly on it.</returns>
    public static bool IsMountPoint(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (full.Length == 0)
        {
            full = "/";
        }

        foreach (MountInfoEntry entry in MountInfoEntry.ReadSelf())
        {
            if (string.Equals(entry.MountPoint, full, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The filesystem type mount(2) is given: <c>fuse</c> or <c>fuse.&lt;subtype&gt;</c>.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The type.</returns>
    internal static string FileSystemType(FuseMountOptions options) =>
        string.IsNullOrEmpty(options.Subtype) ? "fuse" : "fuse." + options.Subtype;

    /// <summary>The data string mount(2) is given.</summary>
    /// <param name="fd">The /dev/fuse descriptor.</param>
    /// <param name="options">The options.</param>
    /// <param name="userId">The effective uid.</param>
    /// <param name="groupId">The effective gid.</param>
    /// <returns>For instance <c>fd=5,rootmode=40755,user_id=0,group_id=0</c>.</returns>
    internal static string KernelOptions(int fd, FuseMountOptions options, uint userId, uint groupId)
    {
        StringBuilder data = new();
        data.Append(CultureInfo.InvariantCulture, $"fd={fd},rootmode={Convert.ToString(options.RootMode, 8)},user_id={userId},group_id={groupId}");
        AppendCommon(data, options);
        return data.ToString();
    }

    /// <summary>The option string fusermount3 is given (it adds fd, rootmode, user_id and group_id itself).</summary>
    /// <param name="options">The options.</param>
    /// <returns>For instance <c>rw,nosuid,nodev,fsname=fusewire</c>.</returns>
    internal static string FusermountOptions(FuseMountOptions options)
    {
        StringBuilder data = new();
        data.Append(options.ReadOnly ? "ro" : "rw").Append(",nosuid,nodev,fsname=").Append(EscapeOption(options.FsName));
        if (!string.IsNullOrEmpty(options.Subtype))
        {
            data.Append(",subtype=").Append(EscapeOption(options.Subtype));
        }

        if (options.AutoUnmount)
        {
            data.Append(",auto_unmount");
        }

        AppendCommon(data, options);
        return data.ToString();
    }

    private static void AppendCommon(StringBuilder data, FuseMountOptions options)
    {
        if (options.AllowOther)
        {
            data.Append(",allow_other");
        }

        if (options.DefaultPermissions)
        {
            data.Append(",default_permissions");
        }

        if (options.MaxRead is uint maxRead)
        {
            data.Append(CultureInfo.InvariantCulture, $",max_read={maxRead}");
        }

        if (!string.IsNullOrEmpty(options.ExtraOptions))
        {
            data.Append(',').Append(options.ExtraOptions);
        }
    }

    private static int MountSyscall(FuseDevice device, string target, FuseMountOptions options)
    {
        nuint flags = LibC.MsNoSuid | LibC.MsNoDev | (options.ReadOnly ? LibC.MsRdOnly : 0);
        string data = KernelOptions(device.Handle, options, LibC.GetEUid(), LibC.GetEGid());
        return LibC.Mount(options.FsName, target, FileSystemType(options), flags, data) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    private static string EscapeOption(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);

    private static void Validate(FuseMountOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.FsName, nameof(options));
        if (options.Subtype is { } subtype && (subtype.Contains(',', StringComparison.Ordinal) || subtype.Contains('.', StringComparison.Ordinal) || subtype.Contains(' ', StringComparison.Ordinal)))
        {
            throw new ArgumentException("A subtype cannot contain ',', '.' or spaces.", nameof(options));
        }

        if ((options.RootMode & 0xF000) == 0)
        {
            throw new ArgumentException("RootMode must include a file type (S_IFDIR = 0x4000 normally).", nameof(options));
        }
    }
}
