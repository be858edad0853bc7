namespace FuseWire.Cli;

/// <summary>The manual page printed by <c>fusewire --help</c> (docs/cli.md carries the same text).</summary>
internal static class Manual
{
    /// <summary>The manual's text.</summary>
    public const string Text = """
        NAME
            fusewire - dump, summarise, check and record FUSE wire-protocol transcripts

        SYNOPSIS
            fusewire dump [--json] [--minor 7.N] [--opcode NAME] [--unique N] [--errors-only] FILE
            fusewire stats [--minor 7.N] FILE
            fusewire check [--minor 7.N] FILE
            fusewire trace ...
            fusewire --help | --version

        """;
}
