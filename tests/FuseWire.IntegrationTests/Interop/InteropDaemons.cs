using System;
using System.IO;
using System.Threading;

namespace FuseWire.IntegrationTests.Interop;

/// <summary>
/// The two real libfuse 3 daemons the kernel-side client is proven against: tests/interop/passthrough_ll.c (the low-level
/// API, built here with gcc against libfuse3-dev) and Debian's sshfs (the high-level API, multi-threaded) talking to a local
/// sftp-server.
/// </summary>
public static class InteropDaemons
{
    /// <summary>OpenSSH's SFTP server as Debian installs it.</summary>
    public const string SftpServer = "/usr/lib/openssh/sftp-server";

    private static readonly Lazy<string> PassthroughProgram = new(BuildPassthrough, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string?> MissingForPassthrough = new(FindMissingForPassthrough);
    private static readonly Lazy<string?> MissingForSshfs = new(FindMissingForSshfs);
    private static readonly Lazy<string> WorkDirectory = new(CreateWorkDirectory);

    /// <summary>Why passthrough_ll cannot be built here, or null when it can.</summary>
    public static string? PassthroughSkipReason => MissingForPassthrough.Value;

    /// <summary>Why sshfs cannot be run here, or null when it can.</summary>
    public static string? SshfsSkipReason => MissingForSshfs.Value;

    /// <summary>Starts passthrough_ll serving <paramref name="source"/> in the foreground.</summary>
    /// <param name="source">The real directory served.</param>
    /// <param name="options">More options (<c>--splice</c>: answer READ by splicing from the file).</param>
    /// <returns>The running daemon.</returns>
    public static LibfuseDaemon StartPassthrough(string source, params string[] options) =>
        LibfuseDaemon.Start("passthrough_ll", PassthroughProgram.Value, [source, LibfuseDaemon.DevicePlaceholder, "-f", .. options]);

    /// <summary>Starts sshfs serving <paramref name="source"/>: its "ssh" is a script that runs sftp-server (no network, no
    /// ssh), and its directory cache is off so every request reaches the server.</summary>
    /// <param name="source">The real directory served (an absolute path).</param>
    /// <returns>The running daemon.</returns>
    public static LibfuseDaemon StartSshfs(string source)
    {
        string command = Path.Combine(WorkDirectory.Value, "sftp-server-as-ssh");
        if (!File.Exists(command))
        {
            // sshfs runs "CMD [ssh options] HOST -s sftp"; the script ignores all of it and speaks SFTP on stdin/stdout.
            File.WriteAllText(command, $"#!/bin/sh\nexec {SftpServer}\n");
            File.SetUnixFileMode(command, (UnixFileMode)0x1ED); // 0755
        }

        return LibfuseDaemon.Start(
            "sshfs",
            "sshfs",
            ["-f", "-o", "ssh_command=" + command, "-o", "dir_cache=no", "localhost:" + source, LibfuseDaemon.DevicePlaceholder]);
    }

    private static string? FindMissingForPassthrough()
    {
        if (!Shell.Exists("gcc"))
        {
            return "gcc is not installed";
        }

        if (!Shell.Exists("pkg-config") || Shell.Run("pkg-config", ["--exists", "fuse3"]).ExitCode != 0)
        {
            return "libfuse3-dev (pkg-config fuse3) is not installed";
        }

        return FindSource() is null ? "tests/interop/passthrough_ll.c was not found above the test assembly" : null;
    }

    private static string? FindMissingForSshfs()
    {
        if (!Shell.Exists("sshfs"))
        {
            return "sshfs is not installed";
        }

        return File.Exists(SftpServer) ? null : SftpServer + " (openssh-sftp-server) is not installed";
    }

    private static string BuildPassthrough()
    {
        string source = FindSource() ?? throw new FileNotFoundException("tests/interop/passthrough_ll.c");
        string program = Path.Combine(WorkDirectory.Value, "passthrough_ll");
        string flags = Shell.Check("pkg-config", ["--cflags", "--libs", "fuse3"]).Trim();
        _ = Shell.Check("/bin/sh", ["-c", $"gcc -Wall -Wextra -Werror -O2 -o '{program}' '{source}' {flags}"], TimeSpan.FromSeconds(120));
        return program;
    }

    private static string? FindSource()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "tests", "interop", "passthrough_ll.c");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string CreateWorkDirectory()
    {
        string path = Directory.CreateTempSubdirectory("fusewire-interop-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp directory left behind is harmless.
            }
        };
        return path;
    }
}
