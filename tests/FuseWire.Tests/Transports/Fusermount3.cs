using System;
using System.IO;
using System.Linq;

namespace FuseWire.Tests.Transports;

/// <summary>Whether the fusermount3 helper is available.</summary>
internal static class Fusermount3
{
    internal static bool IsInstalled =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "fusermount3")));
}
