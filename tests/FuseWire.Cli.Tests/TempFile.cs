using System;
using System.IO;

namespace FuseWire.Cli.Tests;

/// <summary>A temporary file, deleted on dispose.</summary>
internal sealed class TempFile(string path) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose() => File.Delete(Path);
}
