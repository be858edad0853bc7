using System;
using System.Collections.Generic;
using System.IO;

namespace FuseWire.IntegrationTests;

/// <summary>One line of /proc/self/mountinfo: the mount point, its device (major:minor) and its file-system type.</summary>
public sealed record MountInfo(string MountPoint, string Device, string FileSystemType, string Source)
{
    /// <summary>The mounts of this process's namespace.</summary>
    public static IReadOnlyList<MountInfo> ReadAll()
    {
        List<MountInfo> mounts = [];
        foreach (string line in File.ReadLines("/proc/self/mountinfo"))
        {
            // "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
            string[] fields = line.Split(' ');
            int separator = Array.IndexOf(fields, "-");
            if (fields.Length < 5 || separator < 0 || separator + 2 >= fields.Length)
            {
                continue;
            }

            mounts.Add(new MountInfo(Unescape(fields[4]), fields[2], fields[separator + 1], Unescape(fields[separator + 2])));
        }

        return mounts;
    }

    /// <summary>The last mount on <paramref name="mountPoint"/>, or null.</summary>
    public static MountInfo? Find(string mountPoint)
    {
        MountInfo? found = null;
        foreach (MountInfo mount in ReadAll())
        {
            if (string.Equals(mount.MountPoint, mountPoint, StringComparison.Ordinal))
            {
                found = mount;
            }
        }

        return found;
    }

    /// <summary>Undoes the kernel's octal escapes (\040 for a space, ...).</summary>
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        System.Text.StringBuilder text = new();
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length)
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }
}
