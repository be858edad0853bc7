using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using FuseWire.Sessions;
using FuseWire.Transports;
using MemFs;

// MemFs: a read-write file system in memory.
// Usage: MemFs [MOUNTPOINT] [--trace] [--workers N] [--auto-unmount]. Without a mount point, a fresh temporary directory
// is used. Ctrl-C (or `umount MOUNTPOINT`) unmounts and exits. With --auto-unmount the mount goes through fusermount3,
// which removes it even when MemFs is killed with SIGKILL.
string? mountPoint = null;
bool trace = false;
bool autoUnmount = false;
int workers = 1;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--trace":
            trace = true;
            break;
        case "--auto-unmount":
            autoUnmount = true;
            break;
        case "--workers" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out workers) && workers >= 1:
            i++;
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: MemFs [MOUNTPOINT] [--trace] [--workers N] [--auto-unmount]");
            return 0;
        default:
            if (args[i].StartsWith('-') || mountPoint is not null)
            {
                Console.Error.WriteLine($"MemFs: unexpected argument '{args[i]}'; usage: MemFs [MOUNTPOINT] [--trace] [--workers N] [--auto-unmount]");
                return 2;
            }

            mountPoint = args[i];
            break;
    }
}

mountPoint ??= Directory.CreateTempSubdirectory("memfs-").FullName;
FrameTracer? tracer = trace ? new FrameTracer(Console.Out) : null;
FuseSessionOptions options = new()
{
    Workers = workers,
    Observer = tracer is null ? null : tracer.Observe,
    OnHandlerException = e => Console.Error.WriteLine($"MemFs: handler failed: {e}"),
};

FuseMount mount;
try
{
    mount = FuseMount.Mount(mountPoint, new FuseMountOptions { FsName = "memfs", Subtype = "memfs", DefaultPermissions = true, AutoUnmount = autoUnmount });
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"MemFs: cannot mount on {mountPoint}: {e.Message}");
    return 1;
}

FuseSession session = new(mount.Device, new MemFileSystem(), options);
if (tracer is not null)
{
    tracer.Session = session;
}

ConsoleCancelEventHandler onCancel = (_, e) =>
{
    e.Cancel = true;
    mount.Unmount(); // the session sees the unmount and returns
};
Console.CancelKeyPress += onCancel;

// SIGTERM (kill, systemd, `timeout`) and SIGHUP unmount too, so that no stale mount is left behind.
using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Unmount);
using PosixSignalRegistration onHup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Unmount);
try
{
    Console.WriteLine($"MemFs mounted on {mount.MountPoint} ({workers} worker{(workers == 1 ? "" : "s")}); Ctrl-C unmounts.");
    session.Run();
}
finally
{
    Console.CancelKeyPress -= onCancel;
    mount.Dispose();
}

Console.WriteLine($"MemFs unmounted after {session.RequestCount} requests.");
return 0;

void Unmount(PosixSignalContext context)
{
    context.Cancel = true;
    mount.Unmount();
}
