using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>
/// The MemFs program (samples/MemFs, built next to the tests) serving a mount point in its own process. Disposing kills it
/// if it still runs and detaches the mount if one is left, so no test leaves either behind.
/// </summary>
public sealed class MemFsProcess : IDisposable
{
    private static readonly TimeSpan MountTimeout = TimeSpan.FromSeconds(30);
    private readonly Child _child;

    private MemFsProcess(Child child, string mountPoint)
    {
        _child = child;
        MountPoint = mountPoint;
    }

    /// <summary>The MemFs program's path.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "MemFs.dll");

    /// <summary>The mount point.</summary>
    public string MountPoint { get; }

    /// <summary>The process.</summary>
    public Child Process => _child;

    /// <summary>Starts <c>dotnet MemFs.dll mountPoint --workers 2</c> plus <paramref name="extra"/>, and waits until it has mounted.</summary>
    /// <exception cref="IOException">It exited or did not mount in time.</exception>
    public static MemFsProcess Start(string mountPoint, params string[] extra)
    {
        Child child = Child.Start("dotnet", [Program, mountPoint, "--workers", "2", .. extra]);
        MemFsProcess memFs = new(child, mountPoint);
        if (!MemFsMount.WaitUntil(() => MountInfo.Find(mountPoint) is not null || child.HasExited, MountTimeout) || child.HasExited)
        {
            _ = child.WaitForExit(TimeSpan.FromSeconds(5));
            string errors = child.StandardError;
            memFs.Dispose();
            throw new IOException($"MemFs did not mount on {mountPoint}: {errors}");
        }

        return memFs;
    }

    /// <summary>The ids of MemFs's child processes named <paramref name="name"/> (fusermount3, with --auto-unmount).</summary>
    public IReadOnlyList<int> ChildrenNamed(string name)
    {
        List<int> found = [];
        try
        {
            foreach (string task in Directory.EnumerateDirectories($"/proc/{_child.Id}/task"))
            {
                foreach (string id in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (File.ReadAllText($"/proc/{id}/comm").Trim() == name)
                    {
                        found.Add(int.Parse(id, CultureInfo.InvariantCulture));
                    }
                }
            }
        }
        catch (IOException)
        {
            // A process ended while being looked at.
        }

        return found;
    }

    /// <summary>Kills MemFs if it runs; detaches a mount left on <see cref="MountPoint"/>.</summary>
    public void Dispose()
    {
        _child.Dispose();
        if (MountInfo.Find(MountPoint) is not null)
        {
            _ = Shell.Run("umount", ["-l", MountPoint], TimeSpan.FromSeconds(20));
        }
    }
}
