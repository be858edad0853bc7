using System.IO;

namespace FuseWire.Cli.Commands;

/// <summary><c>fusewire --help</c>: the manual page.</summary>
internal static class HelpCommand
{
    /// <summary>Prints the manual.</summary>
    /// <param name="args">Ignored.</param>
    /// <param name="stdout">Where the manual goes.</param>
    /// <param name="stderr">Unused.</param>
    /// <returns>Always 0.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stdout.Write(Manual.Text);
        return ExitCodes.Ok;
    }
}
