using System.IO;

namespace FuseWire.Cli.Commands;

/// <summary>Reports a bad command line.</summary>
internal static class Usage
{
    /// <summary>Writes <c>fusewire CMD: message</c> and where to find help.</summary>
    /// <param name="command">The command.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="stderr">Where it goes.</param>
    /// <returns><see cref="ExitCodes.Usage"/>.</returns>
    public static int Fail(string command, string message, TextWriter stderr)
    {
        stderr.WriteLine($"fusewire {command}: {message}");
        stderr.WriteLine("Try 'fusewire --help' for more information.");
        return ExitCodes.Usage;
    }
}
