using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace FuseWire.IntegrationTests;

/// <summary>Runs external commands with a deadline: a command still running at its deadline is killed and the test fails.</summary>
public static class Shell
{
    /// <summary>The deadline of an ordinary command.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> (no shell), in the C locale and UTC.</summary>
    public static ShellResult Run(string file, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        ProcessStartInfo start = new(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["TZ"] = "UTC";
        TimeSpan limit = timeout ?? DefaultTimeout;
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended meanwhile.
            }

            _ = process.WaitForExit(5000);
            throw new TimeoutException($"'{file} {string.Join(' ', start.ArgumentList)}' did not finish within {limit.TotalSeconds} s.");
        }

        if (!Task.WaitAll([output, error], TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException($"'{file}' ended but its output streams stayed open.");
        }

        return new ShellResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a /bin/sh script.</summary>
    public static ShellResult Sh(string script, TimeSpan? timeout = null, string? workingDirectory = null) =>
        Run("/bin/sh", ["-c", script], timeout, workingDirectory);

    /// <summary>Runs a command that must succeed; returns its stdout.</summary>
    public static string Check(string file, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        ShellResult result = Run(file, arguments, timeout, workingDirectory);
        Assert.True(result.ExitCode == 0, $"'{file} {string.Join(' ', arguments)}' exited with {result.ExitCode}: {result.StandardError}{result.StandardOutput}");
        return result.StandardOutput;
    }

    /// <summary>Runs a /bin/sh script that must succeed; returns its stdout.</summary>
    public static string CheckSh(string script, TimeSpan? timeout = null, string? workingDirectory = null) =>
        Check("/bin/sh", ["-c", script], timeout, workingDirectory);

    /// <summary>Whether <paramref name="program"/> is on PATH.</summary>
    public static bool Exists(string program) => Run("/bin/sh", ["-c", "command -v " + program], TimeSpan.FromSeconds(10)).ExitCode == 0;
}
