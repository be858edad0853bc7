using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Demo;

/// <summary>Encodes a short FUSE session, both directions, decodes every frame back and prints it.</summary>
internal static class Program
{
    private const string Usage = """
        Usage: dotnet run --project samples/FuseWire.Demo [--help]

        Plays a FUSE 7.45 session between a simulated kernel and a one-file daemon: INIT, LOOKUP, GETATTR,
        OPEN, READ, READDIRPLUS, a failed LOOKUP, an INVAL_ENTRY notification, RELEASE, FORGET and DESTROY.
        Each frame is encoded into a pooled buffer, decoded and validated as the other side would, and
        printed as one line; the first frame is also shown in hex. Exits 1 if any frame fails validation.
        """;

    private static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            bool help = args is ["--help" or "-h"];
            (help ? Console.Out : Console.Error).WriteLine(Usage);
            return help ? 0 : 2;
        }

        using Transcript session = new(Console.Out) { PrintHex = true };
        Init(session);
        const ulong root = FuseConstants.RootId, hello = HelloFs.HelloNode;

        FuseRequestWriter.WriteLookup(session.Kernel(), session.Header(FuseOpcode.Lookup, root), "hello.txt"u8);
        session.EndRequest();
        HelloFs.AnswerLookup(session.Request, session.Protocol, session.Daemon());
        session.EndReply();

        FuseReplyContext request = session.Send(FuseOpcode.Getattr, hello, new FuseGetattrIn());
        FuseReplyWriter.WriteAttr(session.Daemon(), session.Protocol, request.Unique, new FuseAttrOut { AttrValid = 1, Attr = HelloFs.HelloAttr });
        session.EndReply();

        request = session.Send(FuseOpcode.Open, hello, new FuseOpenIn { Flags = 0 /* O_RDONLY */ });
        FuseReplyWriter.WriteOpen(session.Daemon(), request.Unique, new FuseOpenOut { Fh = HelloFs.HelloHandle, OpenFlags = (uint)FopenFlags.KeepCache });
        session.EndReply();

        request = session.Send(FuseOpcode.Read, hello, new FuseReadIn { Fh = HelloFs.HelloHandle, Size = 4096 });
        FuseReplyWriter.WriteData(session.Daemon(), request.Unique, HelloFs.Content[..Math.Min(HelloFs.Content.Length, (int)request.RequestedSize)]);
        session.EndReply();

        request = session.Send(FuseOpcode.Readdirplus, root, new FuseReadIn { Size = 4096 });
        HelloFs.WriteReaddirplus(session.Daemon(), request.Unique, request.RequestedSize);
        session.EndReply();

        FuseRequestWriter.WriteLookup(session.Kernel(), session.Header(FuseOpcode.Lookup, root), "missing.txt"u8);
        session.EndRequest();
        HelloFs.AnswerLookup(session.Request, session.Protocol, session.Daemon()); // ENOENT
        session.EndReply();

        FuseNotificationWriter.WriteInvalEntry(session.Daemon(), root, "hello.txt"u8);
        session.EndReply();

        request = session.Send(FuseOpcode.Release, hello, new FuseReleaseIn { Fh = HelloFs.HelloHandle });
        FuseReplyWriter.WriteEmpty(session.Daemon(), request.Unique);
        session.EndReply();

        FuseRequestWriter.WriteForget(session.Kernel(), session.Header(FuseOpcode.Forget, hello), nlookup: 1);
        session.EndRequest(); // FORGET is never answered

        FuseRequestWriter.Write(session.Kernel(), session.Protocol, session.Header(FuseOpcode.Destroy, 0), ReadOnlySpan<byte>.Empty);
        request = session.EndRequest();
        FuseReplyWriter.WriteEmpty(session.Daemon(), request.Unique);
        session.EndReply();

        Console.WriteLine($"{session.Frames} frames, {session.Invalid} invalid, protocol 7.{session.Protocol.Minor} flags=0x{(ulong)session.Protocol.Flags:x}");
        return session.Invalid == 0 ? 0 : 1;
    }

    /// <summary>INIT: the kernel offers 7.45 and its flags, the daemon keeps what it wants, both sides switch to the result.</summary>
    private static void Init(Transcript session)
    {
        const FuseInitFlags offered = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.DoReaddirplus | FuseInitFlags.ParallelDirops
            | FuseInitFlags.MaxPages | FuseInitFlags.SetxattrExt | FuseInitFlags.InitExt | FuseInitFlags.SecurityCtx | FuseInitFlags.HasResend;
        const FuseInitFlags wanted = FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.DoReaddirplus | FuseInitFlags.MaxPages
            | FuseInitFlags.InitExt | FuseInitFlags.HasResend | FuseInitFlags.WritebackCache;
        FuseProtocol.Split(offered, out uint low, out uint high);
        FuseInitIn initIn = new() { Major = FuseConstants.KernelVersion, Minor = FuseConstants.KernelMinorVersion, MaxReadahead = 128 * 1024, Flags = low, Flags2 = high };
        FuseReplyContext request = session.Send(FuseOpcode.Init, 0, initIn);

        FuseProtocol negotiated = FuseProtocol.Negotiate(initIn.Minor, offered, wanted);
        FuseProtocol.Split(negotiated.Flags, out low, out high);
        FuseInitOut initOut = new()
        {
            Major = FuseConstants.KernelVersion, Minor = negotiated.Minor, MaxReadahead = initIn.MaxReadahead, Flags = low, Flags2 = high,
            MaxBackground = 16, CongestionThreshold = 12, MaxWrite = 128 * 1024, TimeGran = 1, MaxPages = 32,
        };
        FuseReplyWriter.WriteInit(session.Daemon(), request.Unique, initOut);
        session.EndReply();
        session.Protocol = negotiated;
    }
}
