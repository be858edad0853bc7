using System;
using System.IO;
using System.Runtime.InteropServices;
using FuseWire.Sessions;
using FuseWire.Transports;
using HelloFs;

// HelloFs: mounts one read-only file. Usage: HelloFs [MOUNTPOINT]; Ctrl-C unmounts.
string mountPoint = args.Length > 0 ? args[0] : Directory.CreateTempSubdirectory("hellofs-").FullName;
using FuseMount mount = FuseMount.Mount(mountPoint, new FuseMountOptions { FsName = "hellofs", Subtype = "hellofs" });
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    mount.Unmount();
};
using PosixSignalRegistration onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    mount.Unmount();
});
Console.WriteLine($"HelloFs mounted on {mountPoint}: try `cat {mountPoint}/hello.txt`; Ctrl-C unmounts.");
FuseSession session = new(mount.Device, new HelloFileSystem());
session.Run();
Console.WriteLine($"Unmounted after {session.RequestCount} requests.");
