using System;
using FuseWire.Abi;
using FuseWire.Validation;

namespace FuseWire.Sessions;

/// <summary>How a <see cref="FuseSession"/> negotiates INIT and serves requests.</summary>
public sealed record FuseSessionOptions
{
    /// <summary>
    /// The flags asked for by default (each only if the kernel offers it). READDIRPLUS is not among them: a file system that
    /// overrides <see cref="FuseFileSystem.Readdirplus"/> adds <see cref="FuseInitFlags.DoReaddirplus"/> (and perhaps
    /// <see cref="FuseInitFlags.ReaddirplusAuto"/>) to <see cref="WantedFlags"/>.
    /// </summary>
    public const FuseInitFlags DefaultFlags =
        FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.ParallelDirops | FuseInitFlags.AutoInvalData | FuseInitFlags.AtomicOTrunc
        | FuseInitFlags.ExportSupport | FuseInitFlags.DontMask | FuseInitFlags.PosixLocks | FuseInitFlags.FlockLocks
        | FuseInitFlags.SetxattrExt | FuseInitFlags.InitExt | FuseInitFlags.AsyncDio | FuseInitFlags.HandleKillpriv;

    /// <summary>The INIT flags wanted; the session keeps those the kernel offers.</summary>
    public FuseInitFlags WantedFlags { get; init; } = DefaultFlags;

    /// <summary>The largest WRITE payload, in bytes (max_write); max_pages follows from it.</summary>
    public uint MaxWrite { get; init; } = 1u << 20;

    /// <summary>The largest readahead, in bytes; 0 keeps the kernel's value.</summary>
    public uint MaxReadahead { get; init; }

    /// <summary>max_background (0: the kernel's default).</summary>
    public ushort MaxBackground { get; init; }

    /// <summary>congestion_threshold (0: the kernel's default).</summary>
    public ushort CongestionThreshold { get; init; }

    /// <summary>Timestamp granularity in nanoseconds.</summary>
    public uint TimeGran { get; init; } = 1;

    /// <summary>Worker threads; each beyond the first reads its own descriptor cloned with FUSE_DEV_IOC_CLONE.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Called when a request breaks the protocol (the session answers EIO, or ENOSYS for an unknown opcode, and goes on).</summary>
    public Action<FuseProtocolError>? OnProtocolError { get; init; }

    /// <summary>Called when a handler throws (the session answers EIO if the handler had not replied, and goes on).</summary>
    public Action<Exception>? OnHandlerException { get; init; }

    /// <summary>Called with each request frame before dispatch and each reply frame after it is written (for tracing); null costs nothing.</summary>
    public FuseFrameObserver? Observer { get; init; }

    /// <summary>
    /// How long, after the last request, an idle worker keeps polling its descriptor before it sleeps in a read (0, the default:
    /// every worker sleeps at once). While requests keep coming, the polling worker picks up the next one without being woken
    /// by the kernel, which on a virtual machine is much of a small request's latency. One worker polls at a time, yielding the
    /// CPU between polls, and none while another worker is handling a request (two requests at once mean callers that want the
    /// CPUs); when a yield shows that another thread wanted the CPU and no request came of it, polling stops for a
    /// millisecond. While callers overlap, the session times polling against sleeping now and then (under a second each time)
    /// and polls only if that served requests faster. The price is up to this long of busy CPU after each burst, none while
    /// the file system is idle. Used where the transport exposes a descriptor (/dev/fuse, SOCK_SEQPACKET).
    /// </summary>
    public TimeSpan SpinBeforeBlocking { get; init; }
}
