using System;
using System.IO;

namespace FuseWire.Cli;

/// <summary>The <c>fusewire</c> entry point: reads the command word and hands the rest of the arguments to the command.</summary>
public static class Program
{
    /// <summary>Runs the tool with the process's standard streams.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>The exit status (see <see cref="ExitCodes"/>).</returns>
    public static int Main(string[] args)
    {
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        using var stderr = new StreamWriter(Console.OpenStandardError(), new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        int code = Run(args, stdout, stderr);
        try
        {
            stdout.Flush();
        }
        catch (IOException)
        {
            // stdout closed early (a pipe into head): the output that mattered was written.
        }

        return code;
    }

    /// <summary>Runs one command line against the given writers; never throws.</summary>
    /// <param name="args">The command line: a command word and its arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit status.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return Dispatch(args, stdout, stderr);
        }
#pragma warning disable CA1031 // The tool's promise: one line, never a stack trace, whatever the input.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"fusewire: internal error: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Internal;
        }
    }

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine("fusewire: missing command (try 'fusewire --help')");
            return ExitCodes.Usage;
        }

        string command = args[0];
        string[] rest = args[1..];
        return command switch
        {
            "dump" => Commands.DumpCommand.Run(rest, stdout, stderr),
            "stats" => Commands.StatsCommand.Run(rest, stdout, stderr),
            "check" => Commands.CheckCommand.Run(rest, stdout, stderr),
            "trace" => Trace.TraceCommand.Run(rest, stdout, stderr),
            "help" or "--help" or "-h" => Commands.HelpCommand.Run(rest, stdout, stderr),
            "--version" or "-V" or "version" => Commands.VersionCommand.Run(rest, stdout, stderr),
            _ => Unknown(command, stderr),
        };
    }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"fusewire: unknown command '{command}' (try 'fusewire --help')");
        return ExitCodes.Usage;
    }
}
