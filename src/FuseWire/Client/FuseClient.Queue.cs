using System;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Client;

/// <content>Writing request frames, the send queue with urgent frames at its head, and cancellation by FUSE_INTERRUPT.</content>
public sealed partial class FuseClient
{
    /// <summary>
    /// Writes a request frame, records it as outstanding and queues it. Returns null with <paramref name="failure"/> set when the token is
    /// cancelled or the connection closed; throws <see cref="ArgumentException"/> when the parts do not make a valid request.
    /// </summary>
    private FuseClientRequest? Start(
        FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> name, ReadOnlySpan<byte> name2, ReadOnlySpan<byte> data,
        FuseReplyTarget target, Memory<byte> destination, FuseReplyCallback? callback, object? state, CancellationToken cancellationToken, out Exception? failure)
    {
        failure = null;
        if (FuseRequestLayout.IsNoReply(opcode) || opcode == FuseOpcode.Interrupt)
        {
            throw new ArgumentException(FuseNames.OpcodeName(opcode) + " gets no reply; send it with SendNoReply (INTERRUPT is sent by cancelling).", nameof(opcode));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            failure = new OperationCanceledException(cancellationToken);
            return null;
        }

        if (Volatile.Read(ref _closed))
        {
            failure = ClosedException();
            return null;
        }

        ulong unique = NextUnique();
        FuseOutgoingFrame frame = RentFrame();
        FuseReplyContext context;
        try
        {
            FuseProtocol protocol = Protocol;
            _ = FuseRequestWriter.Write(frame, protocol, Header(opcode, unique, nodeId), argument, name, name2, data);
            context = FuseReplyContext.For(FuseRequest.Parse(frame.Written, protocol));
        }
        catch
        {
            ReturnFrame(frame);
            throw;
        }

        FuseClientRequest request;
        lock (_gate)
        {
            if (_closed)
            {
                failure = ClosedException();
            }

            request = _requestPool.TryPop(out FuseClientRequest? pooled) ? pooled : new FuseClientRequest(this);
            if (failure is null)
            {
                request.Start(opcode, unique, target, destination, callback, state, cancellationToken);
                _ = _outstanding.TryAdd(context);
                _pending.Add(unique, request);
                frame.Request = request;
                request.QueuedFrame = frame;
                Enqueue(frame, urgent: false);
            }
            else
            {
                _requestPool.Push(request);
            }
        }

        if (failure is not null)
        {
            ReturnFrame(frame);
            return null;
        }

        if (cancellationToken.CanBeCanceled)
        {
            request.Registration = cancellationToken.UnsafeRegister(static (s, _) => ((FuseClientRequest)s!).Owner.Cancel((FuseClientRequest)s!), request);
        }

        Flush();
        return request;
    }

    /// <summary>Writes and queues a frame that gets no reply (FORGET, BATCH_FORGET).</summary>
    private void StartNoReply(FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> data)
    {
        if (!FuseRequestLayout.IsNoReply(opcode) || opcode == FuseOpcode.NotifyReply)
        {
            throw new ArgumentException(FuseNames.OpcodeName(opcode) + " is answered; send it with SendAsync.", nameof(opcode));
        }

        if (Volatile.Read(ref _closed))
        {
            throw ClosedException();
        }

        ulong unique = NextUnique();
        FuseOutgoingFrame frame = RentFrame();
        bool closed;
        try
        {
            _ = FuseRequestWriter.Write(frame, Protocol, Header(opcode, unique, nodeId), argument, default, default, data);
        }
        catch
        {
            ReturnFrame(frame);
            throw;
        }

        lock (_gate)
        {
            closed = _closed;
            if (!closed)
            {
                _ = _outstanding.TryAdd(new FuseReplyContext(opcode, unique));
                Enqueue(frame, urgent: false);
            }
        }

        if (closed)
        {
            ReturnFrame(frame);
            throw ClosedException();
        }

        Flush();
    }

    private FuseInHeader Header(FuseOpcode opcode, ulong unique, ulong nodeId) =>
        new() { Opcode = opcode, Unique = unique, NodeId = nodeId, Uid = _options.Uid, Gid = _options.Gid, Pid = _options.Pid };

    private ulong NextUnique() => (ulong)Interlocked.Add(ref _nextUnique, UniqueStep);

    /// <summary>Cancels a request (its token fired): withdrawn if still queued, else FUSE_INTERRUPT sent ahead of the queue; the caller gets
    /// <see cref="OperationCanceledException"/> either way, and a late reply is consumed quietly.</summary>
    private void Cancel(FuseClientRequest request)
    {
        ulong unique = request.Unique;
        FuseOutgoingFrame? withdrawn = null;
        bool interrupt = false;
        lock (_gate)
        {
            if (!request.TryMarkCancelled())
            {
                return;
            }

            if (request.QueuedFrame is { } frame)
            {
                // Never sent: the daemon never hears of it, as the kernel drops a request a signal catches before it was read.
                Unlink(frame);
                request.QueuedFrame = null;
                _ = _pending.Remove(unique);
                _ = _outstanding.Remove(unique);
                withdrawn = frame;
            }
            else
            {
                interrupt = !_closed && !_noInterrupt;
            }
        }

        if (interrupt)
        {
            SendInterrupt(unique);
        }

        request.SignalCancelled();
        if (withdrawn is not null)
        {
            ReturnFrame(withdrawn);
            request.Release();
        }
    }

    /// <summary>Queues FUSE_INTERRUPT for <paramref name="target"/> at the head of the queue and sends it.</summary>
    private void SendInterrupt(ulong target)
    {
        FuseOutgoingFrame frame = RentFrame();
        _ = FuseRequestWriter.WriteInterrupt(frame, target | InterruptBit, target);
        bool queued = false;
        lock (_gate)
        {
            if (!_closed)
            {
                Enqueue(frame, urgent: true);
                queued = true;
            }
        }

        if (!queued)
        {
            ReturnFrame(frame);
            return;
        }

        Flush();
    }

    /// <summary>Adds a frame to the queue: at the tail, or at the head when urgent (the frame being written, already taken off, is finished first).</summary>
    private void Enqueue(FuseOutgoingFrame frame, bool urgent)
    {
        if (_head is null)
        {
            _head = frame;
            _tail = frame;
        }
        else if (urgent)
        {
            frame.Next = _head;
            _head = frame;
        }
        else
        {
            _tail!.Next = frame;
            _tail = frame;
        }
    }

    private FuseOutgoingFrame? Dequeue()
    {
        FuseOutgoingFrame? frame = _head;
        if (frame is not null)
        {
            _head = frame.Next;
            if (_head is null)
            {
                _tail = null;
            }

            frame.Next = null;
            if (frame.Request is { } request)
            {
                request.QueuedFrame = null;
            }
        }

        return frame;
    }

    private void Unlink(FuseOutgoingFrame frame)
    {
        FuseOutgoingFrame? previous = null;
        for (FuseOutgoingFrame? current = _head; current is not null; previous = current, current = current.Next)
        {
            if (ReferenceEquals(current, frame))
            {
                if (previous is null)
                {
                    _head = current.Next;
                }
                else
                {
                    previous.Next = current.Next;
                }

                if (ReferenceEquals(_tail, current))
                {
                    _tail = previous;
                }

                current.Next = null;
                return;
            }
        }
    }

    /// <summary>Drains the queue on this thread unless another thread is already draining it (that one will send what was queued).</summary>
    private void Flush()
    {
        FuseOutgoingFrame? frame;
        lock (_gate)
        {
            if (_writing || _head is null)
            {
                return;
            }

            _writing = true;
            frame = Dequeue();
        }

        while (frame is not null)
        {
            int result;
            try
            {
                _options.Observer?.Invoke(frame.Written, true);
                result = _transport.Write(frame.Written);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                StopWriting(frame);
                Close(e);
                return;
            }

            if (result == Errno.ENODEV)
            {
                StopWriting(frame);
                Close(null);
                return;
            }

            frame.Reset();
            lock (_gate)
            {
                _framePool.Push(frame);
                frame = Dequeue();
                if (frame is null)
                {
                    _writing = false;
                }
            }
        }
    }

    private void StopWriting(FuseOutgoingFrame frame)
    {
        frame.Reset();
        lock (_gate)
        {
            _framePool.Push(frame);
            _writing = false;
        }
    }

    private FuseOutgoingFrame RentFrame()
    {
        lock (_gate)
        {
            if (_framePool.TryPop(out FuseOutgoingFrame? frame))
            {
                return frame;
            }
        }

        return new FuseOutgoingFrame();
    }

    private void ReturnFrame(FuseOutgoingFrame frame)
    {
        frame.Reset();
        lock (_gate)
        {
            _framePool.Push(frame);
        }
    }
}
