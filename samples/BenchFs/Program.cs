using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using BenchFs;
using FuseWire.Sessions;
using FuseWire.Transports;

// BenchFs [--single] [--threads N] [--spin MICROS] MOUNTPOINT — the benchfs spec (../shared/specs/benchfs.md) on FuseWire.
// Foreground; unmount (umount / fusermount3 -u) ends it with exit code 0; SIGINT/SIGTERM unmount; SIGUSR1 prints BENCHFS-STATS.
// --spin MICROS: an idle worker polls /dev/fuse for that long after the last request before it sleeps (default 0: it sleeps
// at once); FuseSessionOptions.SpinBeforeBlocking.
const string Usage = "usage: BenchFs [--single] [--threads N] [--spin MICROS] MOUNTPOINT";
bool single = false;
int threads = 2;
int spinMicroseconds = 0;
string? mountPoint = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--single":
            single = true;
            break;
        case "--threads" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out int n) && n >= 1:
            threads = n;
            i++;
            break;
        case "--spin" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out int micros) && micros >= 0:
            spinMicroseconds = micros;
            i++;
            break;
        default:
            if (args[i].StartsWith('-') || mountPoint is not null)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            mountPoint = args[i];
            break;
    }
}

if (mountPoint is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (single)
{
    threads = 1;
}

long warmup = long.TryParse(Environment.GetEnvironmentVariable("BENCHFS_WARMUP"), CultureInfo.InvariantCulture, out long w) && w > 0
    ? w
    : BenchOptions.DefaultWarmup;
BenchStats stats = new();
AllocationProbe probe = new(warmup);
BenchFileSystem fileSystem = new(stats, (int)BenchOptions.MaxWrite);
FuseSessionOptions options = new()
{
    WantedFlags = BenchOptions.WantedFlags,
    MaxWrite = BenchOptions.MaxWrite,
    MaxBackground = 0,
    CongestionThreshold = 0,
    TimeGran = 1,
    Workers = threads,
    SpinBeforeBlocking = TimeSpan.FromMicroseconds(spinMicroseconds),
    Observer = (frame, fromKernel) =>
    {
        if (fromKernel)
        {
            stats.CountFrame(frame);
            probe.OnRequest();
        }
    },
};

using FuseMount mount = FuseMount.Mount(mountPoint, new FuseMountOptions { FsName = "benchfs", Subtype = "benchfs" });
FuseSession session = new(mount.Device, fileSystem, options);

void Unmount(PosixSignalContext context)
{
    context.Cancel = true;
    mount.Unmount();
}

using PosixSignalRegistration sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Unmount);
using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Unmount);
const int SIGUSR1 = 10; // raw signal numbers are accepted by PosixSignalRegistration on Unix
using PosixSignalRegistration sigusr1 = PosixSignalRegistration.Create((PosixSignal)SIGUSR1, context =>
{
    context.Cancel = true;
    Console.Error.WriteLine("BENCHFS-STATS " + stats.ToJson());
});

Thread announcer = new(() =>
{
    fileSystem.Initialized.Wait();
    Console.Error.WriteLine("BENCHFS-INIT " + BenchReport.InitJson(fileSystem.KernelInit, fileSystem.ReplyInit, single, threads, spinMicroseconds));
})
{
    IsBackground = true,
    Name = "BenchFs INIT announcer",
};
announcer.Start();

long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
session.Run();
long allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);

(long measured, long bytes, int workers) = probe.Totals();
double? perRequest = measured > 0 ? (double)bytes / measured : null;
string perRequestJson = perRequest is double value ? value.ToString("0.####", CultureInfo.InvariantCulture) : "null";
Console.Error.WriteLine("BENCHFS-STATS " + stats.ToJson());
Console.Error.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"BENCHFS-EXIT {{\"requests\":{session.RequestCount},\"workers\":{workers},\"warmup_per_worker\":{warmup},\"measured_requests\":{measured},\"measured_allocated_bytes\":{bytes},\"allocated_bytes_per_request\":{perRequestJson},\"process_allocated_bytes\":{allocatedAfter - allocatedBefore}}}"));
Console.Error.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"BenchFs: {session.RequestCount} requests; steady state {perRequestJson} bytes allocated per request ({bytes} bytes over {measured} requests after {warmup} per worker)"));
return 0;
