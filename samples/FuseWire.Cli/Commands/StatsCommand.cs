using System;
using System.IO;

namespace FuseWire.Cli.Commands;

/// <summary><c>fusewire stats</c>.</summary>
internal static class StatsCommand
{
    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the command word.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("fusewire stats: not built yet");
        return ExitCodes.Internal;
    }
}
