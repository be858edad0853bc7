using System;
using System.IO;
using FuseWire.Interop;
using FuseWire.Transports;

namespace FuseWire.Tests.Transports;

/// <summary>A fresh temporary directory to mount on; disposing detaches any mount left on it and deletes it.</summary>
internal sealed class ScratchMountPoint : IDisposable
{
    internal ScratchMountPoint(string prefix = "fusewire-mnt-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    internal string Path { get; }

    /// <summary>Lazily unmounts whatever is mounted on <paramref name="path"/>, stacked mounts included.</summary>
    internal static void DetachAll(string path)
    {
        for (int attempt = 0; attempt < 8 && FuseMount.IsMountPoint(path); attempt++)
        {
            _ = LibC.Umount2(path, LibC.MntDetach);
        }
    }

    public void Dispose()
    {
        DetachAll(Path);
        try
        {
            Directory.Delete(Path, recursive: false);
        }
        catch (IOException)
        {
            // A mount still on it: nothing more a test can do; the assertion that failed says why.
        }
    }
}
