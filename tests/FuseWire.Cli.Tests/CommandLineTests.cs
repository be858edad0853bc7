using Xunit;

namespace FuseWire.Cli.Tests;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_reads_like_a_manual_page_and_exits_0(string flag)
    {
        CliRun run = CliRun.Of(flag);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        foreach (string section in new[] { "NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "EXAMPLES" })
        {
            Assert.Contains("\n" + section + "\n", "\n" + run.Stdout, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_names_the_tool_and_the_protocol()
    {
        CliRun run = CliRun.Of("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^fusewire \d+\.\d+\.\d+ \(FUSE protocol 7\.45\)\n$", run.Stdout);
    }

    [Fact]
    public void No_command_is_a_usage_error()
    {
        CliRun run = CliRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing command", run.Stderr, System.StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void An_unknown_command_is_named()
    {
        CliRun run = CliRun.Of("frobnicate", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", run.Stderr, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown option '--bogus'", "dump", "--bogus", "f")]
    [InlineData("missing FILE", "dump")]
    [InlineData("missing FILE", "check", "--minor", "7.31")]
    [InlineData("more than one FILE", "stats", "a", "b")]
    [InlineData("--minor needs a value", "dump", "f", "--minor")]
    [InlineData("--minor wants a protocol version 7.N", "dump", "--minor", "8.1", "f")]
    [InlineData("--minor wants a protocol version 7.N", "check", "--minor=7.99", "f")]
    [InlineData("--opcode wants an opcode name", "dump", "--opcode", "FROB", "f")]
    [InlineData("--unique wants an unsigned decimal number", "dump", "--unique", "-3", "f")]
    [InlineData("unknown option '--json'", "check", "--json", "f")]
    [InlineData("unknown option '--opcode'", "stats", "--opcode", "READ", "f")]
    public void Bad_arguments_are_named_and_exit_2(string message, params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, System.StringComparison.Ordinal);
        Assert.Contains("fusewire --help", run.Stderr, System.StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("dump")]
    [InlineData("stats")]
    [InlineData("check")]
    public void A_missing_file_is_named_and_exits_2(string command)
    {
        CliRun run = CliRun.Of(command, "/nonexistent/transcript.pcapng");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"fusewire {command}: cannot open '/nonexistent/transcript.pcapng': ", run.Stderr, System.StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
