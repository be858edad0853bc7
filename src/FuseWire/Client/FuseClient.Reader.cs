using System;
using System.Runtime.InteropServices;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;

namespace FuseWire.Client;

/// <content>The reader thread: one blocking read per frame, matched by unique, validated, handed to its request or reported.</content>
public sealed partial class FuseClient
{
    private void ReadLoop()
    {
        Exception? failure = null;
        try
        {
            byte[] buffer = new byte[_options.MaxFrameLength];
            while (!Volatile.Read(ref _closed))
            {
                FuseReadStatus status = _transport.Read(buffer, out int length);
                if (status == FuseReadStatus.Frame)
                {
                    OnFrame(buffer.AsSpan(0, length));
                }
                else if (status == FuseReadStatus.Unmounted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A handler (observer, notification, protocol-error or reply callback) threw: end the connection rather than leave requests hanging.
            failure = e;
        }

        Close(failure);
    }

    private void OnFrame(ReadOnlySpan<byte> frame)
    {
        _options.Observer?.Invoke(frame, false);
        FuseProtocol protocol = Protocol;
        if (frame.Length >= FuseOutHeader.StructSize && (MemoryMarshal.Read<ulong>(frame[8..]) & InterruptBit) != 0)
        {
            OnInterruptReply(frame, protocol);
            return;
        }

        FuseValidationResult result;
        FuseReplyContext context;
        FuseClientRequest? request = null;
        lock (_gate)
        {
            result = FuseReplyValidator.ValidateIncoming(frame, _outstanding, protocol, _options.Strictness, out context);
            if (context.Unique != 0 && _pending.Remove(context.Unique, out FuseClientRequest? matched))
            {
                request = matched;
            }
            else if (!result.IsValid && context.Unique == 0 && frame.Length >= FuseOutHeader.StructSize)
            {
                // A framing error (len disagreeing with the bytes read: a reply that splice() split across packets, or one cut
                // short) still names its request in the header: fail that request rather than leave it waiting for a reply
                // that can never arrive whole. The packets that follow are reported as protocol errors.
                ulong named = MemoryMarshal.Read<ulong>(frame[8..]);
                if (named != 0 && _pending.Remove(named, out FuseClientRequest? cut))
                {
                    _ = _outstanding.TryTake(named, out _, out _); // retired: a later reply to it is a DuplicateReply
                    request = cut;
                }
            }
        }

        if (request is not null)
        {
            if (result.IsValid)
            {
                request.Complete(FuseReply.Parse(frame, context, protocol, _options.Strictness));
            }
            else
            {
                _ = request.Fail(new FuseProtocolException(result.Error));
            }

            request.Release();
            return;
        }

        if (!result.IsValid)
        {
            _options.OnProtocolError?.Invoke(result.Error);
            return;
        }

        // Valid without a request: a notification (unique 0), or a reply that raced the connection's end (its request already failed).
        if (MemoryMarshal.Read<ulong>(frame[8..]) != 0)
        {
            return;
        }

        if (_options.OnNotification is { } handler)
        {
            handler(FuseNotification.Parse(frame, protocol));
        }
    }

    /// <summary>
    /// A reply to FUSE_INTERRUPT (unique with bit 0 set), as the kernel treats it: ENOSYS means the daemon does not do interrupts (none are sent
    /// again); EAGAIN asks for the interrupt again while the request is still pending; anything else, or one for a request already answered, is ignored.
    /// </summary>
    private void OnInterruptReply(ReadOnlySpan<byte> frame, in FuseProtocol protocol)
    {
        if (!FuseReply.TryReadHeader(frame, FuseOpcode.Interrupt, protocol, out ulong unique, out int error, out FuseValidationResult framing))
        {
            _options.OnProtocolError?.Invoke(framing.Error);
            return;
        }

        ulong target = unique & ~InterruptBit;
        bool again = false;
        lock (_gate)
        {
            if (_pending.TryGetValue(target, out FuseClientRequest? request) && request.IsCancelled)
            {
                if (error == -Errno.ENOSYS)
                {
                    _noInterrupt = true;
                }
                else if (error == -Errno.EAGAIN)
                {
                    again = !_closed;
                }
            }
        }

        if (again)
        {
            SendInterrupt(target);
        }
    }
}
