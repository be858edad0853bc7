using System;
using System.IO;
using Snapshooter;
using Xunit;

namespace FuseWire.Cli.Tests;

/// <summary>
/// Locates the committed snapshots (tests/FuseWire.Cli.Tests/__snapshots__) from the test output directory, and refuses to let a CI
/// run create a missing snapshot: it must fail instead.
/// </summary>
internal static class SnapshotFiles
{
    private const string ProjectFile = "FuseWire.Cli.Tests.csproj";

    /// <summary>The snapshot name for <c>{name}.snap</c>.</summary>
    public static SnapshotFullName For(string name)
    {
        string folder = ProjectDirectory();
        string fileName = name + ".snap";
        string path = Path.Combine(folder, "__snapshots__", fileName);
        if (!File.Exists(path) && IsContinuousIntegration())
        {
            Assert.Fail($"The snapshot {path} is missing. Snapshots are created by a local run and committed; CI never creates them.");
        }

        return new SnapshotFullName(fileName, folder);
    }

    /// <summary>The test project's source directory.</summary>
    public static string ProjectDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }

            string nested = Path.Combine(dir.FullName, "tests", "FuseWire.Cli.Tests");
            if (File.Exists(Path.Combine(nested, ProjectFile)))
            {
                return nested;
            }
        }

        throw new DirectoryNotFoundException("The test project's directory was not found above " + AppContext.BaseDirectory + ".");
    }

    private static bool IsContinuousIntegration()
    {
        string? ci = Environment.GetEnvironmentVariable("CI");
        string? strict = Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE");
        return (!string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase))
            || string.Equals(strict, "true", StringComparison.OrdinalIgnoreCase);
    }
}
