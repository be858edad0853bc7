namespace FuseWire.Cli;

/// <summary>The manual page printed by <c>fusewire --help</c> (docs/cli.md carries the same text).</summary>
internal static class Manual
{
    /// <summary>The manual's text.</summary>
    public const string Text = """
        NAME
            fusewire - dump, summarise, check and record FUSE wire-protocol transcripts

        SYNOPSIS
            fusewire dump [--json] [--minor 7.N] [--strict] [--opcode NAME] [--unique N] [--errors-only] FILE
            fusewire stats [--minor 7.N] [--strict] FILE
            fusewire check [--minor 7.N] [--strict] FILE
            fusewire trace [-q] [-w FILE [-s SNAPLEN]] [--spin MICROS] [-o MOUNT_OPTIONS] MOUNTPOINT -- DAEMON [ARGS...]
            fusewire --help | --version

        DESCRIPTION
            fusewire reads FUSE transcripts: pcapng files holding the frames that crossed a FUSE
            connection (one interface per connection, one packet per frame, the direction in
            epb_flags), as FuseWire's transcript writer, `fusewire trace` or any pcapng tool writes
            them. FILE may be - for standard input.

            Each connection is followed as the kernel and the daemon follow it: the protocol minor
            and flags negotiated by its INIT exchange govern how later frames decode; a reply is
            paired with the outstanding request of the same unique, which gives the reply its
            opcode and its latency; every request is decoded by FuseWire's request decoder and
            every reply checked by its reply validator (length against the bytes, errno range,
            payload size per opcode and minor, replies nobody asked for, duplicate replies).

        COMMANDS
            dump FILE
                Print every frame on one line: index, seconds since the first frame, -> for a
                request (kernel to daemon) or <- for a reply or notification, the frame's fields
                under the kernel's names, the reply's latency (latency=MICROSECONDSus), and any
                finding (!! violation RULE ..., !? warning RULE ...). Frames the capture cut short
                show their header and <N of M bytes captured>.

            dump --json FILE
                Print one JSON object per frame, one per line. The header's members sit at the top
                level under fuse.h's names (len, opcode, unique, nodeid, uid, gid, pid,
                total_extlen; len, error, unique for replies); every fixed struct is a nested
                object named after fuse.h's struct without the fuse_ prefix, with fuse.h's member
                names (entry_out.attr.size is .entry_out.attr.size). Keys that are not fuse.h
                members: frame, time_ns, interface, direction, direction_guessed, truncated,
                captured_len, opcode_name, errno, latency_ns, notify_name, name, name2, link,
                data_len, extensions_len, forgets, dirents, direntplus, violation, warning.

            stats FILE
                Print the protocol each connection negotiated (minor and INIT flags), then a table
                per opcode: requests, replies, reply latency p50/p90/p99/max (within 1/64 of the
                true value; max exact), bytes in each direction and error replies by errno name;
                then notifications by code and findings by rule.

            check FILE
                Validate every frame; print each violation on one line (frame index, unique,
                opcode, rule, offset, values) and a summary line. Meant for CI jobs and fuzz-corpus
                replay: the exit status says whether the transcript is clean.

            trace MOUNTPOINT -- DAEMON [ARGS...]
                Stand where NetBSD's perfused stands: mount MOUNTPOINT on the kernel, start DAEMON (any
                libfuse3 daemon, in the foreground) with /dev/fd/N, its end of a SOCK_SEQPACKET
                socketpair, in place of the argument {} (or of every argument equal to MOUNTPOINT),
                forward every frame both ways, check every reply, and print the dump lines live (-q: a
                summary at the end); -w FILE records a transcript. A reply the validator rejects is
                answered EIO to the kernel; a dying daemon's requests ENOTCONN. Ctrl-C, SIGTERM, an
                unmount or the daemon's exit unmounts. `fusewire trace --help` lists its options.

        OPTIONS
            --json            dump: one JSON object per frame instead of text.
            --minor 7.N       Decode at minor N until the transcript's INIT exchange (for a capture
                              that starts after INIT). Default: the newest the library speaks, 7.45.
            --strict          A reply longer than its opcode allows is a violation, not a warning.
            --opcode NAME     dump: only requests of this opcode (LOOKUP, lookup, FUSE_LOOKUP or
                              the number) and their replies.
            --unique N        dump: only the frames with this unique.
            --errors-only     dump: only error replies and frames with findings.
            --                End of options: the next argument is FILE even if it starts with -.
            -h, --help        Print this manual.
            -V, --version     Print the version and the protocol version.

        EXIT STATUS
            0   Success; for check, no protocol violation (warnings allowed).
            1   check found protocol violations.
            2   A bad command line, or FILE cannot be opened or is not a readable transcript (the
                message names the pcapng block's offset). Frames before the damage are still
                printed.
            3   An unexpected internal error, reported in one line.

        EXAMPLES
            fusewire dump session.pcapng
            fusewire dump --opcode READ --errors-only session.pcapng
            fusewire dump --json session.pcapng | jq 'select(.opcode_name == "LOOKUP") | .entry_out.attr.size'
            fusewire stats session.pcapng
            fusewire check --minor 7.31 after-init.pcapng && echo clean
            for f in corpus/*.pcapng; do fusewire check "$f" > /dev/null || echo "$f"; done

        """;
}
