using System;
using System.IO;
using Snapshooter;
using Xunit;

namespace FuseWire.Tests.Formatting;

/// <summary>
/// Locates this folder's committed snapshots from the test output directory (so a CI build with mapped source paths still finds them)
/// and refuses to let a CI run create a missing snapshot: it must fail instead.
/// </summary>
internal static class SnapshotFiles
{
    private const string ProjectFile = "FuseWire.Tests.csproj";

    /// <summary>The snapshot name for <c>{name}.snap</c> in <c>tests/FuseWire.Tests/Formatting/__snapshots__</c>.</summary>
    /// <param name="name">The snapshot's name without extension.</param>
    /// <returns>The full name to hand to <c>Snapshot.Match</c>.</returns>
    public static SnapshotFullName For(string name)
    {
        // Snapshooter appends the __snapshots__ folder itself.
        string folder = Path.Combine(ProjectDirectory(), "Formatting");
        string fileName = name + ".snap";
        string path = Path.Combine(folder, "__snapshots__", fileName);
        if (!File.Exists(path) && IsContinuousIntegration())
        {
            Assert.Fail($"The snapshot {path} is missing. Snapshots are created by a local run and committed; CI never creates them.");
        }

        return new SnapshotFullName(fileName, folder);
    }

    private static bool IsContinuousIntegration()
    {
        string? ci = Environment.GetEnvironmentVariable("CI");
        string? strict = Environment.GetEnvironmentVariable("SNAPSHOOTER_STRICT_MODE");
        return (!string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase))
            || string.Equals(strict, "true", StringComparison.OrdinalIgnoreCase);
    }

    private static string ProjectDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }

            string nested = Path.Combine(dir.FullName, "tests", "FuseWire.Tests");
            if (File.Exists(Path.Combine(nested, ProjectFile)))
            {
                return nested;
            }
        }

        throw new DirectoryNotFoundException("The test project's directory was not found above " + AppContext.BaseDirectory + ".");
    }
}
