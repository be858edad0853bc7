using System;
using System.IO;

namespace FuseWire.Cli.Trace;

/// <summary><c>fusewire trace</c>: placeholder until the proxy branch brings the real command.</summary>
public static class TraceCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>trace</c>.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("fusewire trace: not built yet");
        return 2;
    }
}
