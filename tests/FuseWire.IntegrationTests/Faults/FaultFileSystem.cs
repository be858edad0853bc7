using System;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;
using MemFs;

namespace FuseWire.IntegrationTests.Faults;

/// <summary>
/// MemFs with three hooks for the fault tests: a WRITE gate that holds the first write at or past an offset until the test
/// lets it go, WRITEs slowed down past another offset, and (once armed) a LOOKUP of a name starting with
/// <see cref="BlockingPrefix"/> that waits for the kernel's FUSE_INTERRUPT. Everything else is plain MemFs.
/// </summary>
public sealed class FaultFileSystem : MemFileSystem
{
    /// <summary>The armed LOOKUP of a name starting with this waits until the request is interrupted (or <see cref="HookTimeout"/>).</summary>
    public const string BlockingPrefix = "block-";

    /// <summary>After the interruption, a blocking name starting with this is answered EINTR; other blocking names get the full answer.</summary>
    public const string EintrPrefix = "block-eintr-";

    /// <summary>The longest a hook holds a request.</summary>
    public static readonly TimeSpan HookTimeout = TimeSpan.FromSeconds(20);

    private long _gateOffset = long.MaxValue;
    private long _slowOffset = long.MaxValue;
    private int _slowMilliseconds;
    private bool _heldWriteInterrupted;
    private int _lookupArmed;
    private int _interruptedLookups;
    private int _timedOutLookups;

    /// <summary>Creates an empty file system.</summary>
    /// <param name="options">MemFs's options, or null for the defaults.</param>
    public FaultFileSystem(MemFileSystemOptions? options = null)
        : base(options)
    {
    }

    /// <summary>Set when a blocking LOOKUP has started waiting.</summary>
    public ManualResetEventSlim LookupBlocked { get; } = new();

    /// <summary>Set when a WRITE reached the gate's offset and is being held.</summary>
    public ManualResetEventSlim WriteHeld { get; } = new();

    /// <summary>Set when a WRITE at or past the slow offset has arrived.</summary>
    public ManualResetEventSlim SlowWriteSeen { get; } = new();

    /// <summary>Set by the test to let the held WRITE go on.</summary>
    public ManualResetEventSlim ReleaseWrite { get; } = new();

    /// <summary>Whether the held WRITE's request was interrupted before it was answered.</summary>
    public bool HeldWriteInterrupted => Volatile.Read(ref _heldWriteInterrupted);

    /// <summary>Blocking LOOKUPs that saw their cancellation token fire.</summary>
    public int InterruptedLookups => Volatile.Read(ref _interruptedLookups);

    /// <summary>Blocking LOOKUPs that waited <see cref="HookTimeout"/> in vain.</summary>
    public int TimedOutLookups => Volatile.Read(ref _timedOutLookups);

    /// <summary>Holds the next WRITE whose offset is at least <paramref name="offset"/> (once).</summary>
    public void GateWritesFrom(long offset) => Interlocked.Exchange(ref _gateOffset, offset);

    /// <summary>Makes the next LOOKUP of a name starting with <see cref="BlockingPrefix"/> block (once).</summary>
    public void BlockNextLookup() => Interlocked.Exchange(ref _lookupArmed, 1);

    /// <summary>Delays every WRITE at or past <paramref name="offset"/> by <paramref name="delay"/>, so a writer can be killed between or during them.</summary>
    public void SlowWritesFrom(long offset, TimeSpan delay)
    {
        _slowMilliseconds = (int)delay.TotalMilliseconds;
        _ = Interlocked.Exchange(ref _slowOffset, offset);
    }

    /// <inheritdoc/>
    public override void Write(in FuseRequest request, in FuseWriteIn arg, ReadOnlySpan<byte> data, FuseReplySink reply)
    {
        long gate = Interlocked.Read(ref _gateOffset);
        if (arg.Offset <= long.MaxValue && (long)arg.Offset >= gate && Interlocked.CompareExchange(ref _gateOffset, long.MaxValue, gate) == gate)
        {
            WriteHeld.Set();
            _ = ReleaseWrite.Wait(HookTimeout);

            // The writer was killed while this WRITE was in flight: the kernel follows with FUSE_INTERRUPT (read by the
            // other worker). The write is still done in full, so the file holds the old or the new bytes, never half.
            Volatile.Write(ref _heldWriteInterrupted, SpinWait.SpinUntil(() => reply.IsInterrupted, TimeSpan.FromSeconds(5)));
        }

        if (arg.Offset <= long.MaxValue && (long)arg.Offset >= Interlocked.Read(ref _slowOffset))
        {
            SlowWriteSeen.Set();
            Thread.Sleep(_slowMilliseconds);
        }

        base.Write(request, arg, data, reply);
    }

    /// <inheritdoc/>
    public override void Lookup(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply)
    {
        if (!name.StartsWith("block-"u8) || Interlocked.CompareExchange(ref _lookupArmed, 0, 1) != 1)
        {
            base.Lookup(request, name, reply);
            return;
        }

        LookupBlocked.Set();
        if (!reply.CancellationToken.WaitHandle.WaitOne(HookTimeout))
        {
            _ = Interlocked.Increment(ref _timedOutLookups);
            reply.Error(Errno.ETIMEDOUT);
            return;
        }

        _ = Interlocked.Increment(ref _interruptedLookups);
        if (name.StartsWith("block-eintr-"u8))
        {
            reply.Error(Errno.EINTR);
            return;
        }

        base.Lookup(request, name, reply);
    }
}
