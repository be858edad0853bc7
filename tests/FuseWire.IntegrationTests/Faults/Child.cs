using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>A child process the test signals while it runs; disposing kills it (SIGKILL) if it is still there.</summary>
public sealed class Child : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private Child(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code; 128 + the signal's number when a signal ended it.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="file"/> with <paramref name="arguments"/> (no shell), in the C locale.</summary>
    public static Child Start(string file, IEnumerable<string> arguments, string? workingDirectory = null)
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
        Process process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {file}.");
        process.StandardInput.Close();
        return new Child(process);
    }

    /// <summary>Sends <paramref name="signal"/> (a name kill(1) knows: KILL, INT, USR1, TERM) to this process alone.</summary>
    public void Signal(string signal) =>
        Shell.Check("kill", ["-" + signal, Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));

    /// <summary>Waits for the end; false when <paramref name="timeout"/> passes first.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout) && Task.WaitAll([_output, _errors], timeout);

    /// <summary>Everything written to stdout (after <see cref="WaitForExit"/>).</summary>
    public string StandardOutput => _output.IsCompleted ? _output.Result : string.Empty;

    /// <summary>Everything written to stderr (after <see cref="WaitForExit"/>).</summary>
    public string StandardError => _errors.IsCompleted ? _errors.Result : string.Empty;

    /// <summary>Kills the process if it still runs, and waits a bounded time for it.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
                _ = _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
        finally
        {
            _process.Dispose();
        }
    }
}
