using System;
using System.IO;
using FuseWire.Cli.Tests.Recording;

namespace FuseWire.Cli.Tests;

/// <summary>The committed transcripts, and temporary files for transcripts built by a test.</summary>
internal static class TestTranscripts
{
    /// <summary>The MemFs session recorded by <see cref="MemFsRecorder"/> (regenerate with FUSEWIRE_RECORD_TRANSCRIPTS=1).</summary>
    public static string MemFs => Path.Combine(AppContext.BaseDirectory, "Transcripts", "memfs.pcapng");

    /// <summary>The same name relative to the output directory, as the snapshots show it.</summary>
    public const string MemFsRelative = "Transcripts/memfs.pcapng";

    /// <summary>Writes bytes to a new temporary file that is deleted when the returned handle is disposed.</summary>
    public static TempFile Write(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), "fusewire-cli-" + Guid.NewGuid().ToString("N") + ".pcapng");
        File.WriteAllBytes(path, bytes);
        return new TempFile(path);
    }
}
