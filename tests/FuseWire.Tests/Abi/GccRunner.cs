using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Compiles a C program with gcc in a temporary directory, runs it, and reads its output: one <c>key value</c> pair a line.
/// </summary>
internal static class GccRunner
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The gcc found on PATH, or null.</summary>
    public static string? GccPath { get; } = FindOnPath("gcc");

    /// <summary>The reason the C-based tests skip when gcc is absent.</summary>
    public const string SkipReason = "gcc is not installed (not found on PATH): the ABI cannot be compared with the C header here. CI installs gcc, so this runs there.";

    /// <summary>Compiles and runs <paramref name="source"/>; returns its <c>key value</c> output lines.</summary>
    public static IReadOnlyDictionary<string, ulong> CompileAndRun(string source, string name)
    {
        string gcc = GccPath ?? throw new InvalidOperationException(SkipReason);
        DirectoryInfo dir = Directory.CreateTempSubdirectory("fusewire-abi-");
        bool keep = false;
        try
        {
            string c = Path.Combine(dir.FullName, name + ".c");
            string exe = Path.Combine(dir.FullName, name);
            File.WriteAllText(c, source);

            (int compileExit, string compileOut, string compileErr) = Run(gcc, ["-std=gnu11", "-O0", "-o", exe, c], dir.FullName, CompileTimeout);
            if (compileExit != 0)
            {
                keep = true;
                throw new InvalidOperationException($"gcc failed (exit {compileExit}) on {c} (kept for inspection):\n{compileErr}\n{compileOut}");
            }

            (int runExit, string output, string runErr) = Run(exe, [], dir.FullName, RunTimeout);
            if (runExit != 0)
            {
                keep = true;
                throw new InvalidOperationException($"{exe} exited with {runExit}:\n{runErr}");
            }

            return Parse(output);
        }
        finally
        {
            if (!keep)
            {
                dir.Delete(recursive: true);
            }
        }
    }

    private static Dictionary<string, ulong> Parse(string output)
    {
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            {
                throw new InvalidOperationException($"Unexpected line in the C program's output: '{line}'");
            }

            values[parts[0]] = value;
        }

        return values;
    }

    private static (int ExitCode, string StdOut, string StdErr) Run(string file, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string? FindOnPath(string program)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        return path?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);
    }
}
