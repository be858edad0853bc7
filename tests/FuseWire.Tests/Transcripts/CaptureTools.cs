using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace FuseWire.Tests.Transcripts;

/// <summary>Wireshark's command-line tools (Debian's tshark package: tshark, capinfos, editcap, mergecap, text2pcap), run with a
/// timeout, in UTC, killed on the way out.</summary>
internal static class CaptureTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Skips the test unless every tool is on the PATH.</summary>
    public static void Require(params string[] programs)
    {
        string[] missing = programs.Where(p => Find(p) is null).ToArray();
        Skip.If(missing.Length > 0, $"{string.Join(", ", missing)} not installed (Debian package tshark; run-tests.sh installs it)");
    }

    /// <summary>Runs a tool and returns its standard output; fails the test if it exits non-zero.</summary>
    public static string Run(string program, params string[] args)
    {
        ProcessStartInfo start = new(Find(program) ?? program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TZ"] = "UTC";
        start.Environment["LC_ALL"] = "C";
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        try
        {
            System.Threading.Tasks.Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(Timeout), $"{program} did not finish within {Timeout.TotalSeconds} s");
            process.WaitForExit();
            string output = stdout.GetAwaiter().GetResult();
            Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.GetAwaiter().GetResult()}");
            return output;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>tshark's view of each frame: number, length, captured length, epoch time, interface name, direction bits.</summary>
    public static List<string[]> TsharkFields(string file) =>
        Run("tshark", "-r", file, "-T", "fields", "-E", "separator=/t", "-e", "frame.number", "-e", "frame.len", "-e", "frame.cap_len",
                "-e", "frame.time_epoch", "-e", "frame.interface_name", "-e", "frame.packet_flags_direction")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .ToList();
}
