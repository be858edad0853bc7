using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;

namespace FuseWire.Proxy;

/// <content>The daemon-to-kernel pump: replies and notifications, and the daemon's end.</content>
public sealed partial class FuseProxy
{
    /// <summary>The kernel's default <c>max_pages</c> when the daemon does not set FUSE_MAX_PAGES.</summary>
    private const uint DefaultMaxPages = 32;

    /// <summary>Closes the daemon's side as if the daemon had gone: every outstanding request is answered ENOTCONN, and so is
    /// every later one. For a daemon process that has exited while something else (a child it started) still holds its socket.</summary>
    public void CloseDaemonSide() => _daemon.Dispose();

    private void PumpRepliesCore()
    {
        byte[] buffer = new byte[Volatile.Read(ref _frameSize)];
        FixedBufferWriter scratch = new(new byte[FuseOutHeader.StructSize]);
        while (true)
        {
            int needed = Volatile.Read(ref _frameSize);
            if (buffer.Length < needed)
            {
                buffer = new byte[needed]; // once, after INIT raised max_write or max_pages
            }

            FuseReadStatus status;
            int length;
            try
            {
                SpinUntilReadable(_daemon);
                status = _daemon.Read(buffer, out length);
            }
            catch (IOException)
            {
                status = FuseReadStatus.Unmounted;
                length = 0;
            }

            if (status == FuseReadStatus.Unmounted)
            {
                break;
            }

            NoteActivity();
            if (status == FuseReadStatus.Frame && !ForwardReply(buffer.AsSpan(0, length), scratch))
            {
                // The kernel side has gone; the request pump notices it too and closes the daemon's side.
                return;
            }
        }

        DaemonEnded(scratch);
    }

    /// <summary>Validates, observes and passes on (or replaces, or drops) one daemon frame; false when the kernel side has gone.</summary>
    private bool ForwardReply(ReadOnlySpan<byte> frame, FixedBufferWriter scratch)
    {
        long now = Stopwatch.GetTimestamp();
        ulong unique = frame.Length >= FuseOutHeader.StructSize ? MemoryMarshal.AsRef<FuseOutHeader>(frame).Unique : 0;
        FuseValidationResult validation;
        FuseReplyContext context;
        FuseProtocol protocol;
        FusePendingRequest pending = default;
        bool matched = false;
        lock (_gate)
        {
            protocol = _protocol;
            if ((unique & InterruptBit) != 0)
            {
                // The daemon's answer to an INTERRUPT (EAGAIN: ask again later; ENOSYS: never again): only its header is checked.
                context = new FuseReplyContext(FuseOpcode.Interrupt, unique);
                _ = FuseReply.TryReadHeader(frame, FuseOpcode.Interrupt, protocol, out _, out _, out validation);
            }
            else
            {
                validation = FuseReplyValidator.ValidateIncoming(frame, _outstanding, protocol, _strictness, out context);
                matched = unique != 0 && _pending.Remove(unique, out pending);
                if (matched)
                {
                    context = pending.Context;
                    if (!validation.IsValid)
                    {
                        _ = _outstanding.Remove(unique); // a framing error retires nothing by itself; this request is answered now
                    }
                    else if (context.Opcode == FuseOpcode.Init)
                    {
                        Negotiate(frame, context, protocol);
                    }
                }
            }
        }

        if (context.Opcode == FuseOpcode.Init)
        {
            _initAnswered.Set(); // answered, well or badly: the request pump may read again, with a buffer sized for it
        }

        FuseProxyAction action = validation.IsValid ? FuseProxyAction.Forwarded
            : matched ? FuseProxyAction.ReplacedWithError
            : FuseProxyAction.Dropped;
        TimeSpan latency = matched ? Stopwatch.GetElapsedTime(pending.SentAt, now) : TimeSpan.Zero;
        Observe(frame, FuseProxyDirection.Reply, action, context, validation, protocol, latency);
        switch (action)
        {
            case FuseProxyAction.Forwarded:
                return WriteToKernel(frame);
            case FuseProxyAction.ReplacedWithError:
                scratch.Reset();
                _ = FuseReplyWriter.WriteError(scratch, context.Unique, Errno.EIO);
                return WriteToKernel(scratch.WrittenSpan);
            default:
                return true;
        }
    }

    /// <summary>Reads the INIT reply passing through and fixes the protocol every later frame is decoded with. Called under the gate.</summary>
    private void Negotiate(ReadOnlySpan<byte> frame, in FuseReplyContext context, in FuseProtocol current)
    {
        if (!FuseReply.TryParse(frame, context, current, _strictness, out FuseReply reply, out _) || reply.IsError)
        {
            return;
        }

        FuseInitOut init = reply.GetArgument<FuseInitOut>();
        FuseInitFlags accepted = FuseProtocol.FlagsOf(init);
        uint maxPages = (accepted & FuseInitFlags.MaxPages) != 0 && init.MaxPages != 0 ? init.MaxPages : DefaultMaxPages;
        int size = Math.Max(Volatile.Read(ref _frameSize), FrameSizeFor(init.MaxWrite, maxPages));
        _protocol = FuseProtocol.Negotiate(Math.Min(init.Minor, _kernelMinor), _offered, accepted, (uint)size);
        Volatile.Write(ref _frameSize, size);
    }

    /// <summary>The daemon has gone: answer every request it still owed, then report the end.</summary>
    private void DaemonEnded(FixedBufferWriter scratch)
    {
        Volatile.Write(ref _daemonGone, 1);
        ulong[] owed;
        lock (_gate)
        {
            owed = new ulong[_pending.Count];
            _pending.Keys.CopyTo(owed, 0);
        }

        foreach (ulong unique in owed)
        {
            if (TryTakePending(unique, out FusePendingRequest pending) && !AnswerByProxy(scratch, pending.Context, Errno.ENOTCONN))
            {
                break;
            }
        }

        _initAnswered.Set();
        _ = _completion.TrySetResult(FuseProxyExit.DaemonEnded);
    }
}
