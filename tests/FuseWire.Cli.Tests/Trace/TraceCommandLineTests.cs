using System.IO;
using FuseWire.Cli;
using FuseWire.Cli.Trace;
using Xunit;

namespace FuseWire.Cli.Tests.Trace;

public sealed class TraceCommandLineTests
{
    [Fact]
    public void The_placeholder_is_replaced_by_the_device_and_nothing_else_is()
    {
        TraceOptions options = Parse("-q", "-w", "t.pcapng", "/mnt/x", "--", "sshfs", "-f", "host:/mnt/x", "{}");
        Assert.True(options.Quiet);
        Assert.Equal("t.pcapng", options.TranscriptPath);
        Assert.Equal("sshfs", options.Daemon);
        Assert.Equal(["-f", "host:/mnt/x", "/dev/fd/7"], options.SubstituteDevice("/dev/fd/7"));
    }

    [Fact]
    public void Without_a_placeholder_the_mountpoint_argument_is_replaced()
    {
        TraceOptions options = Parse("/mnt/x/", "--", "hello", "-f", "/mnt/x");
        Assert.Equal(["-f", "/dev/fd/9"], options.SubstituteDevice("/dev/fd/9"));
    }

    [Fact]
    public void Without_a_placeholder_or_the_mountpoint_nothing_is_substituted()
    {
        TraceOptions options = Parse("/mnt/x", "--", "hello", "-f", "/elsewhere");
        Assert.Null(options.SubstituteDevice("/dev/fd/9"));
    }

    [Fact]
    public void Mount_options_are_parsed_and_the_rest_kept_for_mount()
    {
        TraceOptions options = Parse("-o", "allow_other,fsname=remote,subtype=sshfs,max_read=65536,noatime", "/mnt/x", "--", "d", "{}");
        Assert.True(options.MountOptions.AllowOther);
        Assert.Equal("remote", options.MountOptions.FsName);
        Assert.Equal("sshfs", options.MountOptions.Subtype);
        Assert.Equal(65536u, options.MountOptions.MaxRead);
        Assert.Equal("noatime", options.MountOptions.ExtraOptions);
    }

    [Theory]
    [InlineData("4096", 4096)]
    [InlineData("80", 80)]
    [InlineData("portable", 262_144)]
    public void The_snap_length_is_a_number_of_bytes_or_portable(string value, int expected)
    {
        Assert.Equal(expected, Parse("-w", "t.pcapng", "-s", value, "/mnt/x", "--", "d", "{}").SnapLength);
        Assert.Equal(int.MaxValue, Parse("-w", "t.pcapng", "/mnt/x", "--", "d", "{}").SnapLength);
    }

    [Fact]
    public void The_spin_is_200_microseconds_unless_given()
    {
        Assert.Equal(System.TimeSpan.FromMicroseconds(200), Parse("/mnt/x", "--", "d", "{}").Spin);
        Assert.Equal(System.TimeSpan.Zero, Parse("--spin", "0", "/mnt/x", "--", "d", "{}").Spin);
        Assert.Equal(System.TimeSpan.FromMicroseconds(50), Parse("--spin", "50", "/mnt/x", "--", "d", "{}").Spin);
    }

    [Theory]
    [InlineData("missing MOUNTPOINT", "--", "d")]
    [InlineData("--spin needs a number of microseconds, 0 to 1000000 (got '-1')", "--spin", "-1", "/mnt/x", "--", "d")]
    [InlineData("-s needs a value", "-s")]
    [InlineData("-s needs a number of bytes, at least 80, or 'portable' (got '79')", "-s", "79", "/mnt/x", "--", "d")]
    [InlineData("-s needs a number of bytes, at least 80, or 'portable' (got '1k')", "-s", "1k", "/mnt/x", "--", "d")]
    [InlineData("missing -- DAEMON", "/mnt/x")]
    [InlineData("missing DAEMON after --", "/mnt/x", "--")]
    [InlineData("unknown option '--bogus'", "--bogus", "/mnt/x", "--", "d")]
    [InlineData("-w needs a value", "-w")]
    [InlineData("bad mount option 'max_read=x'", "-o", "max_read=x", "/mnt/x", "--", "d")]
    public void Usage_errors_are_named(string expected, params string[] args)
    {
        Assert.Null(TraceOptions.Parse(args, out string? error));
        Assert.StartsWith(expected, error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_exits_2_before_anything_is_mounted()
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        Assert.Equal(ExitCodes.Usage, Program.Run(["trace", "/nonexistent-mountpoint-for-fusewire", "--", "true", "{}"], stdout, stderr));
        Assert.Contains("is not a directory", stderr.ToString(), System.StringComparison.Ordinal);
    }

    private static TraceOptions Parse(params string[] args)
    {
        TraceOptions? options = TraceOptions.Parse(args, out string? error);
        Assert.True(options is not null, error);
        return options;
    }
}
