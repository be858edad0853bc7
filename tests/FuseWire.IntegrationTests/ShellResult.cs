namespace FuseWire.IntegrationTests;

/// <summary>How an external command ended.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything it wrote to stdout.</param>
/// <param name="StandardError">Everything it wrote to stderr.</param>
public sealed record ShellResult(int ExitCode, string StandardOutput, string StandardError);
