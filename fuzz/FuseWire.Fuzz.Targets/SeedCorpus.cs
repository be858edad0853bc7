using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transcripts;

namespace FuseWire.Fuzzing;

/// <summary>Writes the seed corpora, <c>corpus/&lt;target&gt;/seeds/*.bin</c>, from valid frames of every opcode.</summary>
public static class SeedCorpus
{
    private static readonly uint[] RequestMinors = [45, 36, 8];

    /// <summary>Writes every target's seeds under <paramref name="corpusDirectory"/>, replacing the old ones.</summary>
    /// <param name="corpusDirectory">The corpus root (fuzz/corpus).</param>
    /// <returns>Files written per target.</returns>
    public static IReadOnlyDictionary<string, int> Write(string corpusDirectory)
    {
        Dictionary<string, int> counts = [];
        counts["request"] = WriteAll(corpusDirectory, "request", RequestSeeds());
        counts["reply"] = WriteAll(corpusDirectory, "reply", ReplySeeds());
        counts["session"] = WriteAll(corpusDirectory, "session", SessionSeeds());
        counts["transcript"] = WriteAll(corpusDirectory, "transcript", TranscriptSeeds());
        return counts;
    }

    /// <summary>Writes one target's seeds.</summary>
    /// <param name="corpusDirectory">The corpus root.</param>
    /// <param name="target">The target.</param>
    /// <param name="seeds">Name and bytes of each seed.</param>
    /// <returns>Files written.</returns>
    public static int WriteAll(string corpusDirectory, string target, IEnumerable<(string Name, byte[] Bytes)> seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        string directory = Path.Combine(corpusDirectory, target, "seeds");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        _ = Directory.CreateDirectory(directory);
        int count = 0;
        foreach ((string name, byte[] bytes) in seeds)
        {
            File.WriteAllBytes(Path.Combine(directory, name + ".bin"), bytes);
            count++;
        }

        return count;
    }

    /// <summary>Every opcode's request at 7.45, 7.36 and 7.8, and the creating requests with extensions at 7.45.</summary>
    /// <returns>The seeds.</returns>
    public static IEnumerable<(string Name, byte[] Bytes)> RequestSeeds()
    {
        foreach (uint minor in RequestMinors)
        {
            FuseProtocol protocol = SeedFrames.Protocol(minor);
            foreach (FuseOpcode opcode in SeedFrames.Opcodes)
            {
                yield return (Name(minor, opcode), Prefixed(protocol, SeedFrames.Request(protocol, opcode, 2)));
            }
        }

        FuseProtocol latest = SeedFrames.Protocol(45);
        byte[] extensions = SeedFrames.CreateExtensions();
        foreach (FuseOpcode opcode in new[] { FuseOpcode.Create, FuseOpcode.Mkdir, FuseOpcode.Mknod, FuseOpcode.Symlink, FuseOpcode.Tmpfile })
        {
            yield return (Name(45, opcode) + "-ext", Prefixed(latest, SeedFrames.Request(latest, opcode, 2, extensions: extensions)));
        }
    }

    /// <summary>Every opcode's success reply at 7.45, the shapes that change with the minor at older ones, errors and notifications.</summary>
    /// <returns>The seeds.</returns>
    public static IEnumerable<(string Name, byte[] Bytes)> ReplySeeds()
    {
        foreach ((uint minor, FuseOpcode[] opcodes) in new (uint, FuseOpcode[])[]
        {
            (45, SeedFrames.Opcodes),
            (8, [FuseOpcode.Lookup, FuseOpcode.Getattr, FuseOpcode.Create, FuseOpcode.Statfs, FuseOpcode.Init]),
            (22, [FuseOpcode.Init]),
            (3, [FuseOpcode.Init, FuseOpcode.Statfs]),
        })
        {
            FuseProtocol protocol = SeedFrames.Protocol(minor);
            foreach (FuseOpcode opcode in opcodes)
            {
                uint size = opcode switch
                {
                    FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus => 4096,
                    FuseOpcode.Ioctl => 16,
                    _ => 0,
                };
                FuseReplyContext context = new(opcode, 2, size);
                byte[]? reply = SeedFrames.Reply(protocol, context);
                if (reply is not null)
                {
                    yield return (Name(minor, opcode), ReplyPrefixed(protocol, context, reply));
                }
            }
        }

        FuseProtocol latest = SeedFrames.Protocol(45);
        foreach (FuseOpcode opcode in new[] { FuseOpcode.Getxattr, FuseOpcode.Listxattr })
        {
            FuseReplyContext sized = new(opcode, 2, 64);
            yield return (Name(45, opcode) + "-value", ReplyPrefixed(latest, sized, SeedFrames.Reply(latest, sized)!));
        }

        yield return ("45-lookup-enoent", ReplyPrefixed(latest, new(FuseOpcode.Lookup, 2), SeedFrames.Error(2, 2)));
        yield return ("45-read-eio", ReplyPrefixed(latest, new(FuseOpcode.Read, 2, 4096), SeedFrames.Error(2, 5)));
        yield return ("45-interrupt-eagain", ReplyPrefixed(latest, new(FuseOpcode.Interrupt, 2), SeedFrames.Error(2, 11)));
        byte[][] notifications = SeedFrames.Notifications();
        for (int i = 0; i < notifications.Length; i++)
        {
            yield return ("notify-" + ((FuseNotifyCode)(i + 1)).ToString().ToUpperInvariant(), ReplyPrefixed(latest, default, notifications[i]));
        }
    }

    /// <summary>Kernel conversations with MemFs: a workload of every opcode after INIT at several minors, and requests before INIT.</summary>
    /// <returns>The seeds.</returns>
    public static IEnumerable<(string Name, byte[] Bytes)> SessionSeeds()
    {
        foreach (uint minor in new uint[] { 45, 36, 31, 12, 8 })
        {
            yield return ("workload-7." + minor.ToString(CultureInfo.InvariantCulture), SessionFrames.Frame(SessionWorkload(SeedFrames.Protocol(minor))));
        }

        FuseProtocol latest = SeedFrames.Protocol(45);
        yield return ("before-init", SessionFrames.Frame(
        [
            SeedFrames.Request(latest, FuseOpcode.Lookup, 1),
            [],
            SeedFrames.Request(latest, FuseOpcode.Init, 2)[..40],
            SessionFrames.Interrupted,
            SeedFrames.Request(latest, FuseOpcode.Init, 3),
            SeedFrames.Request(latest, FuseOpcode.Init, 4),
            SeedFrames.Request(latest, FuseOpcode.Getattr, 5),
        ]));
        byte[] extensions = SeedFrames.CreateExtensions();
        yield return ("extensions", SessionFrames.Frame(
        [
            SeedFrames.Request(latest, FuseOpcode.Init, 1),
            SeedFrames.Request(latest, FuseOpcode.Mkdir, 2, extensions: extensions),
            SeedFrames.Request(latest, FuseOpcode.Create, 3, 2, extensions: extensions),
            SeedFrames.Request(latest, FuseOpcode.Symlink, 4, extensions: extensions),
            SeedFrames.Request(latest, FuseOpcode.Mknod, 5, extensions: extensions),
            SeedFrames.Request(latest, FuseOpcode.Readdirplus, 6),
        ]));
    }

    /// <summary>Transcripts as the writer records them: a conversation at 7.45, two connections, truncated frames, frames of unknown
    /// direction (read leniently), two sections, and a file with no frames.</summary>
    /// <returns>The seeds (an options byte, then the file).</returns>
    public static IEnumerable<(string Name, byte[] Bytes)> TranscriptSeeds()
    {
        FuseProtocol latest = SeedFrames.Protocol(45);
        List<byte[]> conversation = SessionWorkload(latest);
        yield return ("conversation", Transcript(lenient: false, writer =>
        {
            int connection = writer.AddInterface("fuse0");
            long time = 1_700_000_000_000_000_000;
            ulong unique = 1;
            foreach (byte[] request in conversation)
            {
                writer.Write(connection, FuseFrameDirection.Request, request, time++);
                FuseOpcode opcode = (FuseOpcode)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(4));
                FuseRequest parsed = FuseRequest.Parse(request, latest);
                byte[]? reply = opcode == FuseOpcode.Lookup ? SeedFrames.Error(unique, 2) : SeedFrames.Reply(latest, FuseReplyContext.For(parsed));
                if (reply is not null)
                {
                    writer.Write(connection, FuseFrameDirection.Reply, reply, time++);
                }

                unique++;
            }

            foreach (byte[] notification in SeedFrames.Notifications())
            {
                writer.Write(connection, FuseFrameDirection.Reply, notification, time++);
            }
        }));
        yield return ("two-connections", Transcript(lenient: false, writer =>
        {
            int first = writer.AddInterface("fuse0");
            int second = writer.AddInterface("fuse1 clone");
            writer.Write(first, FuseFrameDirection.Request, conversation[0], 10);
            writer.Write(second, FuseFrameDirection.Request, conversation[1], 20);
            writer.Write(second, FuseFrameDirection.Reply, SeedFrames.Error(2, 2), 30);
            writer.Write(first, FuseFrameDirection.Reply, SeedFrames.Reply(latest, new(FuseOpcode.Init, 1))!, 40);
        }));
        yield return ("truncated", Transcript(lenient: false, writer =>
        {
            int connection = writer.AddInterface("fuse0");
            byte[] write = SeedFrames.Request(latest, FuseOpcode.Write, 7, 3);
            writer.Write(connection, FuseFrameDirection.Request, write, 1, capturedLength: 80);
            writer.Write(connection, FuseFrameDirection.Reply, SeedFrames.Reply(latest, new(FuseOpcode.Readdirplus, 7, 4096))!, 2, capturedLength: 80);
        }));
        yield return ("unknown-direction", Transcript(lenient: true, writer =>
        {
            int connection = writer.AddInterface("fuse0");
            writer.Write(connection, FuseFrameDirection.Unknown, conversation[0], 1);
            writer.Write(connection, FuseFrameDirection.Unknown, SeedFrames.Reply(latest, new(FuseOpcode.Init, 1))!, 2);
            writer.Write(connection, FuseFrameDirection.Unknown, SeedFrames.Notifications()[0], 3);
        }));
        byte[] one = Transcript(lenient: false, writer => writer.Write(writer.AddInterface("a"), FuseFrameDirection.Request, conversation[0], 1));
        byte[] two = Transcript(lenient: false, writer => writer.Write(writer.AddInterface("b"), FuseFrameDirection.Request, conversation[1], 2));
        yield return ("two-sections", [.. one, .. two.AsSpan(1)]);
        yield return ("no-frames", Transcript(lenient: false, writer => writer.AddInterface("idle")));
    }

    private static byte[] Transcript(bool lenient, Action<FuseTranscriptWriter> write)
    {
        using MemoryStream stream = new();
        stream.WriteByte(lenient ? (byte)1 : (byte)0);
        using (FuseTranscriptWriter writer = new(stream, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static List<byte[]> SessionWorkload(FuseProtocol protocol)
    {
        // MemFs numbers nodes from 2 and handles from 1: MKDIR makes node 2, CREATE node 3 with handle 1.
        List<byte[]> frames = [];
        ulong unique = 1;
        void Add(FuseOpcode opcode, ulong node = FuseConstants.RootId, string? name = null) =>
            frames.Add(SeedFrames.Request(protocol, opcode, unique++, node, nameOverride: name));
        Add(FuseOpcode.Init);
        Add(FuseOpcode.Lookup);
        Add(FuseOpcode.Mkdir);
        Add(FuseOpcode.Create);
        foreach (FuseOpcode opcode in new[]
        {
            FuseOpcode.Write, FuseOpcode.Read, FuseOpcode.Getattr, FuseOpcode.Setattr, FuseOpcode.Flush, FuseOpcode.Fsync, FuseOpcode.Fallocate,
            FuseOpcode.Lseek, FuseOpcode.CopyFileRange, FuseOpcode.Setxattr, FuseOpcode.Getxattr, FuseOpcode.Listxattr, FuseOpcode.Removexattr,
            FuseOpcode.Getlk, FuseOpcode.Setlk, FuseOpcode.Poll, FuseOpcode.Ioctl, FuseOpcode.Bmap, FuseOpcode.Statx, FuseOpcode.Access,
            FuseOpcode.Open,
        })
        {
            Add(opcode, 3);
        }

        Add(FuseOpcode.Symlink);
        Add(FuseOpcode.Readlink, 4);
        Add(FuseOpcode.Link);
        Add(FuseOpcode.Rename, name: "created");
        Add(FuseOpcode.Rename2, name: "new");
        Add(FuseOpcode.Mknod);
        Add(FuseOpcode.Opendir);
        Add(FuseOpcode.Readdir);
        Add(FuseOpcode.Readdirplus);
        Add(FuseOpcode.Releasedir);
        Add(FuseOpcode.Statfs);
        Add(FuseOpcode.Syncfs);
        Add(FuseOpcode.Tmpfile);
        Add(FuseOpcode.Interrupt);
        Add(FuseOpcode.NotifyReply, 3);
        Add(FuseOpcode.Forget, 4);
        Add(FuseOpcode.BatchForget);
        Add(FuseOpcode.Lookup, name: "new");
        Add(FuseOpcode.Unlink, name: "new");
        Add(FuseOpcode.Rmdir, name: "dir");
        Add(FuseOpcode.Release, 3);
        Add(FuseOpcode.Setupmapping);
        Add(FuseOpcode.Destroy);
        return frames;
    }

    private static string Name(uint minor, FuseOpcode opcode) =>
        minor.ToString(CultureInfo.InvariantCulture) + "-" + opcode.ToString().ToUpperInvariant();

    private static byte[] Prefixed(in FuseProtocol protocol, byte[] frame)
    {
        byte[] input = new byte[RequestTarget.PrefixLength + frame.Length];
        input[0] = (byte)protocol.Minor;
        input[1] = FuzzProtocol.FlagsByte(protocol);
        frame.CopyTo(input, RequestTarget.PrefixLength);
        return input;
    }

    private static byte[] ReplyPrefixed(in FuseProtocol protocol, in FuseReplyContext context, byte[] frame)
    {
        byte[] input = new byte[ReplyTarget.PrefixLength + frame.Length];
        input[0] = (byte)protocol.Minor;
        input[1] = FuzzProtocol.FlagsByte(protocol);
        input[2] = ReplyTarget.ByteOf(context.Opcode);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(input.AsSpan(3), context.RequestedSize);
        input[7] = 0;
        frame.CopyTo(input, ReplyTarget.PrefixLength);
        return input;
    }
}
