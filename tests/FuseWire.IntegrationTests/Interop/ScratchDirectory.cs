using System;
using System.IO;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>A fresh real directory for one test's daemon to serve, deleted with everything in it on disposal.</summary>
public sealed class ScratchDirectory : IDisposable
{
    /// <summary>Creates an empty directory under the temp directory.</summary>
    public ScratchDirectory() => Path = Directory.CreateTempSubdirectory("fusewire-interop-src-").FullName;

    /// <summary>The directory's absolute path.</summary>
    public string Path { get; }

    /// <summary>The absolute path of <paramref name="relative"/> inside the directory.</summary>
    /// <param name="relative">A path relative to the directory.</param>
    /// <returns>The absolute path.</returns>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A daemon killed mid-write may still hold a file for a moment; the temp directory is cleaned eventually.
        }
    }
}
