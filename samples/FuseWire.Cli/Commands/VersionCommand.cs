using System.IO;
using System.Reflection;
using FuseWire.Abi;

namespace FuseWire.Cli.Commands;

/// <summary><c>fusewire --version</c>: the tool's version and the protocol it speaks.</summary>
internal static class VersionCommand
{
    /// <summary>Prints the version.</summary>
    /// <param name="args">Ignored.</param>
    /// <param name="stdout">Where the version goes.</param>
    /// <param name="stderr">Unused.</param>
    /// <returns>Always 0.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = version.IndexOf('+', System.StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        stdout.WriteLine($"fusewire {version} (FUSE protocol 7.{FuseConstants.KernelMinorVersion})");
        return ExitCodes.Ok;
    }
}
