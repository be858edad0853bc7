using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using FuseWire.Transcripts;
using FuseWire.Transports;

namespace FuseWire.Cli.Trace;

/// <summary>The parsed command line of <c>fusewire trace</c>.</summary>
internal sealed class TraceOptions
{
    /// <summary>The placeholder, in the daemon's arguments, for its end of the connection (<c>/dev/fd/N</c>).</summary>
    public const string Placeholder = "{}";

    public const string Usage = """
        usage: fusewire trace [-q|--quiet] [-w FILE [-s SNAPLEN]] [--spin MICROS] [-o MOUNT_OPTIONS] MOUNTPOINT -- DAEMON [ARGS...]

        Mounts MOUNTPOINT, starts DAEMON with its end of a SOCK_SEQPACKET socketpair as /dev/fd/N in place of
        the argument {} (or, when no argument is {}, of every argument equal to MOUNTPOINT), and forwards every
        frame between the kernel and the daemon, checking each reply. Ctrl-C, SIGTERM, an unmount, or the
        daemon's exit ends it and unmounts.

          -q, --quiet      no line per frame; only the summary at the end
          -w FILE          record every frame in a pcapng transcript (fusewire dump/stats/check read it)
          -s SNAPLEN       with -w: record at most SNAPLEN bytes of each frame (at least 80; frames cut short are marked
                           truncated); -s portable is 262144, the most Wireshark's tools accept. Default: whole frames
          --spin MICROS    after each frame, keep polling both ends for MICROS microseconds before sleeping (default
                           200; 0 sleeps at once): while traffic flows the proxy's threads are not woken for each frame,
                           for up to that much busy CPU after each burst
          -o OPTIONS       mount options: allow_other, default_permissions, ro, fsname=NAME, subtype=NAME,
                           max_read=N; others are passed to mount(2) as they are
        exit status: 0 clean; 1 the proxy rejected or dropped daemon frames; 2 usage, mount or start failure; 3 internal
        """;

    public required string MountPoint { get; init; }

    public required string Daemon { get; init; }

    public required IReadOnlyList<string> DaemonArguments { get; init; }

    public bool Quiet { get; init; }

    public string? TranscriptPath { get; init; }

    /// <summary>The default of --spin, in microseconds.</summary>
    public const int DefaultSpinMicroseconds = 200;

    /// <summary>How long the proxy polls before sleeping (--spin); zero for not at all.</summary>
    public TimeSpan Spin { get; init; }

    /// <summary>The most bytes of a frame the transcript keeps (-s); <see cref="int.MaxValue"/> keeps whole frames.</summary>
    public int SnapLength { get; init; } = int.MaxValue;

    public required FuseMountOptions MountOptions { get; init; }

    /// <summary>Parses the arguments after <c>trace</c>; null with a message on a usage error.</summary>
    public static TraceOptions? Parse(string[] args, out string? error)
    {
        error = null;
        bool quiet = false;
        string? transcript = null;
        int snapLength = int.MaxValue;
        int spin = DefaultSpinMicroseconds;
        string? mountOptions = null;
        string? mountPoint = null;
        bool separator = false;
        int i = 0;
        for (; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                separator = true;
                i++;
                break;
            }

            switch (arg)
            {
                case "-q" or "--quiet":
                    quiet = true;
                    break;
                case "-w" or "-o" or "-s" or "--spin" when i + 1 >= args.Length:
                    error = $"{arg} needs a value";
                    return null;
                case "-w":
                    transcript = args[++i];
                    break;
                case "-s":
                    string snap = args[++i];
                    if (snap == "portable")
                    {
                        snapLength = FuseTranscriptWriter.PortableCapturedLength;
                    }
                    else if (!int.TryParse(snap, NumberStyles.None, CultureInfo.InvariantCulture, out snapLength) || snapLength < FuseTranscriptWriter.MinimumCapturedLength)
                    {
                        error = $"-s needs a number of bytes, at least {FuseTranscriptWriter.MinimumCapturedLength}, or 'portable' (got '{snap}')";
                        return null;
                    }

                    break;
                case "--spin":
                    string micros = args[++i];
                    if (!int.TryParse(micros, NumberStyles.None, CultureInfo.InvariantCulture, out spin) || spin > 1_000_000)
                    {
                        error = $"--spin needs a number of microseconds, 0 to 1000000 (got '{micros}')";
                        return null;
                    }

                    break;
                case "-o":
                    mountOptions = mountOptions is null ? args[++i] : mountOptions + "," + args[++i];
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        error = $"unknown option '{arg}'";
                        return null;
                    }

                    if (mountPoint is not null)
                    {
                        error = $"one MOUNTPOINT only, then -- and the daemon's command line (got '{arg}')";
                        return null;
                    }

                    mountPoint = arg;
                    break;
            }
        }

        if (mountPoint is null)
        {
            error = "missing MOUNTPOINT";
            return null;
        }

        if (!separator)
        {
            error = "missing -- DAEMON [ARGS...]";
            return null;
        }

        string[] command = args[i..];
        if (command.Length == 0)
        {
            error = "missing DAEMON after --";
            return null;
        }

        FuseMountOptions? mount = ParseMountOptions(mountOptions, Path.GetFileName(command[0]), out error);
        if (mount is null)
        {
            return null;
        }

        return new TraceOptions
        {
            MountPoint = mountPoint,
            Daemon = command[0],
            DaemonArguments = command[1..],
            Quiet = quiet,
            TranscriptPath = transcript,
            SnapLength = snapLength,
            Spin = TimeSpan.FromMicroseconds(spin),
            MountOptions = mount,
        };
    }

    /// <summary>The daemon's arguments with its end of the connection in place: every <c>{}</c>, or when there is none, every
    /// argument naming the mountpoint (as typed, or its full path). Null when nothing was replaced.</summary>
    public IReadOnlyList<string>? SubstituteDevice(string device)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(MountPoint));
        bool hasPlaceholder = false;
        foreach (string arg in DaemonArguments)
        {
            hasPlaceholder |= arg == Placeholder;
        }

        List<string> result = new(DaemonArguments.Count);
        bool replaced = false;
        foreach (string arg in DaemonArguments)
        {
            bool match = hasPlaceholder
                ? arg == Placeholder
                : arg == MountPoint || Path.TrimEndingDirectorySeparator(arg) == full;
            replaced |= match;
            result.Add(match ? device : arg);
        }

        return replaced ? result : null;
    }

    private static FuseMountOptions? ParseMountOptions(string? options, string daemonName, out string? error)
    {
        error = null;
        FuseMountOptions mount = new() { FsName = daemonName.Length == 0 ? "fusewire" : daemonName };
        if (string.IsNullOrEmpty(options))
        {
            return mount;
        }

        List<string> extra = [];
        foreach (string option in options.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = option.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? option : option[..equals];
            string value = equals < 0 ? string.Empty : option[(equals + 1)..];
            switch (key)
            {
                case "allow_other":
                    mount = mount with { AllowOther = true };
                    break;
                case "default_permissions":
                    mount = mount with { DefaultPermissions = true };
                    break;
                case "ro":
                    mount = mount with { ReadOnly = true };
                    break;
                case "rw":
                    mount = mount with { ReadOnly = false };
                    break;
                case "fsname" when value.Length > 0:
                    mount = mount with { FsName = value };
                    break;
                case "subtype" when value.Length > 0:
                    mount = mount with { Subtype = value };
                    break;
                case "max_read" when uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out uint maxRead):
                    mount = mount with { MaxRead = maxRead };
                    break;
                case "fsname" or "subtype" or "max_read":
                    error = $"bad mount option '{option}'";
                    return null;
                default:
                    extra.Add(option);
                    break;
            }
        }

        return extra.Count == 0 ? mount : mount with { ExtraOptions = string.Join(',', extra) };
    }
}
