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

/// <content>The kernel-to-daemon pump: requests.</content>
public sealed partial class FuseProxy
{
    private void PumpRequestsCore()
    {
        byte[] buffer = new byte[Volatile.Read(ref _frameSize)];
        FixedBufferWriter scratch = new(new byte[FuseOutHeader.StructSize]);
        while (true)
        {
            int needed = Volatile.Read(ref _frameSize);
            if (buffer.Length < needed)
            {
                buffer = new byte[needed]; // once, after INIT raised max_write
            }

            FuseReadStatus status;
            int length;
            try
            {
                SpinUntilReadable(_kernel);
                status = _kernel.Read(buffer, out length);
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

            if (status != FuseReadStatus.Frame)
            {
                continue;
            }

            NoteActivity();
            if (!ForwardRequest(buffer.AsSpan(0, length), scratch, out bool init))
            {
                break;
            }

            if (init)
            {
                // The kernel sends nothing more until INIT is answered, and the answer may raise max_write above this buffer: a read
                // already waiting with the old buffer would fail the first large WRITE, so wait for the answer before reading again.
                _initAnswered.Wait();
            }
        }

        // The kernel side has gone: the daemon's loop ends when its end of the connection closes.
        _ = _completion.TrySetResult(FuseProxyExit.KernelEnded);
        _daemon.Dispose();
    }

    /// <summary>Records, observes and passes on one request; false when the kernel side has gone.</summary>
    private bool ForwardRequest(ReadOnlySpan<byte> frame, FixedBufferWriter scratch, out bool init)
    {
        init = false;
        FuseProtocol protocol;
        lock (_gate)
        {
            protocol = _protocol;
        }

        FuseReplyContext context = default;
        FuseValidationResult validation = default;
        if (FuseRequest.TryParse(frame, protocol, out FuseRequest request, out FuseProtocolError error))
        {
            context = FuseReplyContext.For(request);
            if (request.Opcode == FuseOpcode.Init)
            {
                FuseInitIn initIn = request.GetArgument<FuseInitIn>();
                lock (_gate)
                {
                    _kernelMinor = initIn.Minor;
                    _offered = FuseProtocol.FlagsOf(initIn);
                }

                init = true;
            }
        }
        else
        {
            // The kernel is trusted: an opcode this codec does not know is still passed on, and answered by the daemon.
            validation = new FuseValidationResult(error, default);
            if (frame.Length >= FuseInHeader.StructSize)
            {
                ref readonly FuseInHeader header = ref MemoryMarshal.AsRef<FuseInHeader>(frame);
                context = new FuseReplyContext(header.Opcode, header.Unique);
            }
        }

        ulong unique = context.Unique;
        bool expectsReply = unique != 0 && (unique & InterruptBit) == 0 && !FuseRequestLayout.IsNoReply(context.Opcode);
        lock (_gate)
        {
            if (expectsReply && _outstanding.TryAdd(context))
            {
                _pending[unique] = new FusePendingRequest(context, Stopwatch.GetTimestamp());
            }
            else if (unique != 0 && FuseRequestLayout.IsNoReply(context.Opcode))
            {
                _ = _outstanding.TryAdd(context); // remembered as retired: a reply to it is then named as such
            }
        }

        Observe(frame, FuseProxyDirection.Request, FuseProxyAction.Forwarded, context, validation, protocol, TimeSpan.Zero);
        int result;
        try
        {
            result = Volatile.Read(ref _daemonGone) != 0 ? Errno.ENODEV : _daemon.Write(frame);
        }
        catch (IOException)
        {
            result = Errno.EIO; // the daemon's socket refused the frame (EMSGSIZE): the request fails, the connection goes on
        }

        if (result != 0)
        {
            init = false; // no answer will come from the daemon
        }

        if (result == 0 || !expectsReply || !TryTakePending(unique, out FusePendingRequest pending))
        {
            return true;
        }

        // The daemon cannot take the request: answer it here, as the kernel would for a dead daemon.
        int errno = result == Errno.EIO ? Errno.EIO : Errno.ENOTCONN;
        return AnswerByProxy(scratch, pending.Context, errno);
    }

    /// <summary>Answers one request with an error on the daemon's behalf and reports it; false when the kernel side has gone.</summary>
    private bool AnswerByProxy(FixedBufferWriter scratch, in FuseReplyContext context, int errno)
    {
        scratch.Reset();
        _ = FuseReplyWriter.WriteError(scratch, context.Unique, errno);
        FuseProtocol protocol = Protocol;
        Observe(scratch.WrittenSpan, FuseProxyDirection.Reply, FuseProxyAction.AnsweredByProxy, context, default, protocol, TimeSpan.Zero);
        return WriteToKernel(scratch.WrittenSpan);
    }
}
