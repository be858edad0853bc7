using System;
using System.IO;
using FuseWire.Interop;

namespace FuseWire.Tests.Transports;

/// <summary>Whether this machine can mount FUSE filesystems from the test process.</summary>
internal static class KernelFuse
{
    internal const string SkipReason = "Needs /dev/fuse and root (euid 0) to mount a FUSE filesystem with mount(2).";

    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);


    internal static bool CanMount => OperatingSystem.IsLinux() && File.Exists("/dev/fuse") && LibC.GetEUid() == 0;

    internal static bool CanOpenDevice => OperatingSystem.IsLinux() && File.Exists("/dev/fuse");
}
