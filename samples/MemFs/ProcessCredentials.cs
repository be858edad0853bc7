using System;
using System.Globalization;
using System.IO;

namespace MemFs;

/// <summary>This process's effective uid and gid, from /proc/self/status (0 when it cannot be read).</summary>
internal static class ProcessCredentials
{
    public static uint EffectiveUid => Read("Uid:");

    public static uint EffectiveGid => Read("Gid:");

    private static uint Read(string key)
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    // "Uid:\treal\teffective\tsaved\tfs"
                    string[] fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
                    return fields.Length > 2 ? uint.Parse(fields[2], CultureInfo.InvariantCulture) : 0;
                }
            }
        }
        catch (IOException)
        {
            // Not Linux, or no procfs: fall through.
        }

        return 0;
    }
}
