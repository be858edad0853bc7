using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;
using FuseWire.Transcripts;
using FuseWire.Transports;
using MemFs;

namespace FuseWire.Cli.Tests.Recording;

/// <summary>
/// Records a transcript of a small session with MemFs: a FuseSession over a socketpair, its frames recorded by the transcript
/// writer's observer, this class playing the kernel (INIT, a failed LOOKUP, MKDIR, CREATE, WRITE, READ, xattrs, a symlink, READDIR,
/// READDIRPLUS, RENAME, STATFS, UNLINK, FORGET, BATCH_FORGET).
/// </summary>
internal static class MemFsRecorder
{
    public const FuseInitFlags Offered = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.DoReaddirplus | FuseInitFlags.InitExt
        | FuseInitFlags.SetxattrExt | FuseInitFlags.MaxPages | FuseInitFlags.ParallelDirops | FuseInitFlags.AutoInvalData;

    public static void Record(Stream output)
    {
        (FuseSocketTransport daemon, FuseSocketTransport kernel) = FuseSocketTransport.CreatePair();
        using var writer = new FuseTranscriptWriter(output, leaveOpen: true);
        int id = writer.AddInterface("memfs");
        var fileSystem = new MemFileSystem(new MemFileSystemOptions { Clock = new FixedClock(), RootUid = 1000, RootGid = 1000 });
        var session = new FuseSession(daemon, fileSystem, new FuseSessionOptions { Observer = writer.CreateObserver(id) });
        System.Threading.Tasks.Task running = session.RunAsync();
        bool ended;
        try
        {
            Play(new KernelPeer(kernel));
        }
        finally
        {
            kernel.Dispose();
            ended = running.Wait(TimeSpan.FromSeconds(10));
            daemon.Dispose();
        }

        if (!ended)
        {
            throw new TimeoutException("the session did not end within 10 s of the kernel's end closing");
        }

        writer.Flush();
    }

    private static void Play(KernelPeer k)
    {
        k.Init(Offered);
        _ = k.CallNoArg(FuseOpcode.Lookup, 1, "missing");
        ulong dir = NodeOf(k.Call(FuseOpcode.Mkdir, 1, new FuseMkdirIn { Mode = 0x1ED, Umask = 0x12 }, "docs"));
        byte[] created = k.Call(FuseOpcode.Create, dir, new FuseCreateIn { Flags = 0x241, Mode = 0x81A4, Umask = 0x12 }, "hello.txt");
        ulong file = NodeOf(created);
        ulong fh = MemoryMarshal.Read<FuseOpenOut>(created.AsSpan(FuseOutHeader.StructSize + FuseEntryOut.StructSize)).Fh;
        byte[] text = Encoding.UTF8.GetBytes("hello, fuse\n");
        _ = k.Call(FuseOpcode.Write, file, new FuseWriteIn { Fh = fh, Offset = 0, Size = (uint)text.Length, Flags = 0x8001 }, data: text);
        _ = k.Call(FuseOpcode.Flush, file, new FuseFlushIn { Fh = fh });
        _ = k.Call(FuseOpcode.Release, file, new FuseReleaseIn { Fh = fh, Flags = 0x8001 });
        _ = k.CallNoArg(FuseOpcode.Lookup, dir, "hello.txt");
        _ = k.Call(FuseOpcode.Getattr, file, new FuseGetattrIn());
        byte[] opened = k.Call(FuseOpcode.Open, file, new FuseOpenIn { Flags = 0x8000 });
        ulong readFh = MemoryMarshal.Read<FuseOpenOut>(opened.AsSpan(FuseOutHeader.StructSize)).Fh;
        _ = k.Call(FuseOpcode.Read, file, new FuseReadIn { Fh = readFh, Offset = 0, Size = 4096, Flags = 0x8000 });
        _ = k.Call(FuseOpcode.Release, file, new FuseReleaseIn { Fh = readFh, Flags = 0x8000 });
        byte[] value = Encoding.UTF8.GetBytes("v1");
        _ = k.Call(FuseOpcode.Setxattr, file, new FuseSetxattrIn { Size = (uint)value.Length }, "user.tag", data: value);
        _ = k.Call(FuseOpcode.Getxattr, file, new FuseGetxattrIn { Size = 0 }, "user.tag");
        _ = k.Call(FuseOpcode.Getxattr, file, new FuseGetxattrIn { Size = 64 }, "user.none");
        _ = k.CallNoArg(FuseOpcode.Symlink, dir, "link", "hello.txt");
        ulong link = NodeOf(k.CallNoArg(FuseOpcode.Lookup, dir, "link"));
        _ = k.CallNoArg(FuseOpcode.Readlink, link);
        ListDirectory(k, dir, FuseOpcode.Readdir);
        ListDirectory(k, dir, FuseOpcode.Readdirplus);
        _ = k.Call(FuseOpcode.Rename, dir, new FuseRenameIn { NewDir = dir }, "hello.txt", "greeting.txt");
        _ = k.CallNoArg(FuseOpcode.Statfs, 1);
        _ = k.CallNoArg(FuseOpcode.Unlink, dir, "link");
        _ = k.Send(FuseOpcode.Forget, link, new FuseForgetIn { NLookup = 1 });
        byte[] forgets = new byte[2 * FuseForgetOne.StructSize];
        MemoryMarshal.Write(forgets, new FuseForgetOne { NodeId = file, NLookup = 2 });
        MemoryMarshal.Write(forgets.AsSpan(FuseForgetOne.StructSize), new FuseForgetOne { NodeId = dir, NLookup = 1 });
        _ = k.Send(FuseOpcode.BatchForget, 0, new FuseBatchForgetIn { Count = 2 }, data: forgets);

        // A last round trip, so that the daemon has handled the forgets before the connection closes.
        _ = k.CallNoArg(FuseOpcode.Statfs, 1);
    }

    private static void ListDirectory(KernelPeer k, ulong dir, FuseOpcode opcode)
    {
        byte[] opened = k.Call(FuseOpcode.Opendir, dir, new FuseOpenIn { Flags = 0x10000 });
        ulong fh = MemoryMarshal.Read<FuseOpenOut>(opened.AsSpan(FuseOutHeader.StructSize)).Fh;
        _ = k.Call(opcode, dir, new FuseReadIn { Fh = fh, Offset = 0, Size = 4096, Flags = 0x10000 });
        _ = k.Call(FuseOpcode.Releasedir, dir, new FuseReleaseIn { Fh = fh, Flags = 0x10000 });
    }

    private static ulong NodeOf(byte[] reply)
    {
        int error = MemoryMarshal.Read<int>(reply.AsSpan(4));
        return error == 0 ? MemoryMarshal.Read<FuseEntryOut>(reply.AsSpan(FuseOutHeader.StructSize)).NodeId : throw new InvalidOperationException("error " + error);
    }
}
