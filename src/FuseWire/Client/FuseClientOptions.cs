using System;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Validation;

namespace FuseWire.Client;

/// <summary>How a <see cref="FuseClient"/> (the kernel's side) handshakes, checks replies and reports what it sees.</summary>
public sealed record FuseClientOptions
{
    /// <summary>
    /// The flags offered by default: what a 7.45 kernel offers whose wire effects this client handles. Left out: behaviour the client would have to
    /// carry out itself (resending, passthrough, io_uring, DAX, supplementary groups and security contexts as request extensions).
    /// </summary>
    public const FuseInitFlags DefaultFlags =
        FuseInitFlags.AsyncRead | FuseInitFlags.PosixLocks | FuseInitFlags.AtomicOTrunc | FuseInitFlags.ExportSupport | FuseInitFlags.BigWrites
        | FuseInitFlags.DontMask | FuseInitFlags.FlockLocks | FuseInitFlags.AutoInvalData | FuseInitFlags.DoReaddirplus | FuseInitFlags.ReaddirplusAuto
        | FuseInitFlags.AsyncDio | FuseInitFlags.ParallelDirops | FuseInitFlags.HandleKillpriv | FuseInitFlags.MaxPages | FuseInitFlags.CacheSymlinks
        | FuseInitFlags.SetxattrExt | FuseInitFlags.InitExt | FuseInitFlags.HasExpireOnly | FuseInitFlags.DirectIoAllowMmap;

    /// <summary>The INIT flags offered, both words (the high word is sent in <c>flags2</c> with FUSE_INIT_EXT).</summary>
    public FuseInitFlags Flags { get; init; } = DefaultFlags;

    /// <summary>The <c>max_readahead</c> offered at INIT.</summary>
    public uint MaxReadahead { get; init; } = 128 * 1024;

    /// <summary>The largest WRITE payload this client sends; the daemon's <c>max_write</c> lowers it further.</summary>
    public uint MaxWrite { get; init; } = 1u << 20;

    /// <summary>The largest frame accepted from the daemon (the reader's buffer), header included.</summary>
    public uint MaxFrameLength { get; init; } = FuseProtocol.DefaultMaxFrameLength;

    /// <summary>How a reply longer than its opcode allows is treated: accepted (lenient, perfused's way) or an error for its request.</summary>
    public FuseReplyStrictness Strictness { get; init; } = FuseReplyStrictness.Lenient;

    /// <summary>The uid put in every request header (0, root, as perfused does for requests without credentials).</summary>
    public uint Uid { get; init; }

    /// <summary>The gid put in every request header.</summary>
    public uint Gid { get; init; }

    /// <summary>The pid put in every request header.</summary>
    public uint Pid { get; init; }

    /// <summary>Called with every frame sent (<c>fromKernel</c> true) and read (false), before it is written or handled: one option records a transcript.</summary>
    public FuseFrameObserver? Observer { get; init; }

    /// <summary>Called on the reader thread with each valid notification (unique 0).</summary>
    public FuseNotificationHandler? OnNotification { get; init; }

    /// <summary>Called on the reader thread for a frame that answers nothing outstanding (a duplicate, a reply to nothing, garbage)
    /// or a malformed notification; the client goes on.</summary>
    public Action<FuseProtocolError>? OnProtocolError { get; init; }
}
