using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Client;

/// <summary>
/// One request awaiting its reply: pooled and reused, it is the source behind the <see cref="ValueTask"/> the caller awaits, for each result type a
/// helper returns. Two owners hold it: the table of outstanding requests (until the reply comes or the connection ends) and the caller (until it
/// takes the result); the last to let go returns it to the pool.
/// </summary>
/// <remarks>
/// Exactly one of the reply, the cancellation and the connection's end completes it (a compare-and-swap on the state); the others see it done and
/// leave it alone, so a reply arriving after a cancellation is consumed quietly and never touches the caller's memory.
/// </remarks>
internal sealed class FuseClientRequest :
    IValueTaskSource, IValueTaskSource<int>, IValueTaskSource<byte[]>, IValueTaskSource<FuseEntryOut>, IValueTaskSource<FuseAttrOut>,
    IValueTaskSource<FuseOpenOut>, IValueTaskSource<FuseKstatfs>, IValueTaskSource<FuseCreateResult>, IValueTaskSource<FuseInitOut>
{
    private const int OwnBufferSize = 256;
    private const int Pending = 0;
    private const int Answered = 1;
    private const int Cancelled = 2;
    private const int Failed = 3;

    private readonly byte[] _own = new byte[OwnBufferSize];
    private ManualResetValueTaskSourceCore<int> _core;
    private byte[] _payload;
    private int _state;
    private int _owners;

    internal FuseClientRequest(FuseClient owner)
    {
        Owner = owner;
        _payload = _own;
        _core.RunContinuationsAsynchronously = true;
    }

    internal FuseClient Owner { get; }

    internal FuseOpcode Opcode { get; private set; }

    internal ulong Unique { get; private set; }

    internal FuseReplyTarget Target { get; private set; }

    internal Memory<byte> Destination { get; private set; }

    internal FuseReplyCallback? Callback { get; private set; }

    internal object? CallbackState { get; private set; }

    /// <summary>The frame while it waits in the send queue (guarded by the client's lock); null once written.</summary>
    internal FuseOutgoingFrame? QueuedFrame { get; set; }

    internal CancellationTokenRegistration Registration { get; set; }

    internal CancellationToken Token { get; private set; }

    internal short Version => _core.Version;

    internal bool IsPending => Volatile.Read(ref _state) == Pending;

    internal bool IsCancelled => Volatile.Read(ref _state) == Cancelled;

    private int ArgLength { get; set; }

    private int PayloadLength { get; set; }

    /// <summary>Prepares a pooled request for a new send.</summary>
    internal void Start(FuseOpcode opcode, ulong unique, FuseReplyTarget target, Memory<byte> destination, FuseReplyCallback? callback, object? state, CancellationToken token)
    {
        Opcode = opcode;
        Unique = unique;
        Target = target;
        Destination = destination;
        Callback = callback;
        CallbackState = state;
        Token = token;
        _state = Pending;
        _owners = callback is null ? 2 : 1;
    }

    /// <summary>Completes the request with its reply (on the reader thread). Does nothing when it was cancelled or failed already.</summary>
    internal void Complete(FuseReply reply)
    {
        if (Interlocked.CompareExchange(ref _state, Answered, Pending) != Pending)
        {
            return;
        }

        if (Callback is { } callback)
        {
            callback(reply, null, CallbackState);
            return;
        }

        if (reply.IsError)
        {
            _core.SetException(new FuseErrnoException(Opcode, Unique, reply.Errno));
            return;
        }

        int result = Store(reply);
        _core.SetResult(result);
    }

    /// <summary>Fails the request (malformed reply, connection ended). Returns false when it was already done.</summary>
    internal bool Fail(Exception exception)
    {
        if (Interlocked.CompareExchange(ref _state, Failed, Pending) != Pending)
        {
            return false;
        }

        if (Callback is { } callback)
        {
            callback(default, exception, CallbackState);
            return true;
        }

        _core.SetException(exception);
        return true;
    }

    /// <summary>Marks the request cancelled (under the client's lock). Returns false when it was already done.</summary>
    internal bool TryMarkCancelled() => Interlocked.CompareExchange(ref _state, Cancelled, Pending) == Pending;

    /// <summary>Gives the caller its <see cref="OperationCanceledException"/> after <see cref="TryMarkCancelled"/>.</summary>
    internal void SignalCancelled() => _core.SetException(new OperationCanceledException(Token));

    /// <summary>Lets go of one owner's hold; the last returns the request to the pool.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _owners) == 0)
        {
            Owner.Recycle(this);
        }
    }

    /// <summary>Clears the request for reuse (called once both owners let go).</summary>
    internal void Reset()
    {
        Registration.Dispose();
        Registration = default;
        if (!ReferenceEquals(_payload, _own))
        {
            ArrayPool<byte>.Shared.Return(_payload);
            _payload = _own;
        }

        Destination = default;
        Callback = null;
        CallbackState = null;
        Token = default;
        QueuedFrame = null;
        _core.Reset();
    }

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.GetResult(short token)
    {
        try
        {
            _ = _core.GetResult(token);
        }
        finally
        {
            Release();
        }
    }

    int IValueTaskSource<int>.GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            Release();
        }
    }

    byte[] IValueTaskSource<byte[]>.GetResult(short token)
    {
        try
        {
            _ = _core.GetResult(token);
            byte[] data = new byte[PayloadLength - ArgLength];
            _payload.AsSpan(ArgLength, data.Length).CopyTo(data);
            return data;
        }
        finally
        {
            Release();
        }
    }

    FuseEntryOut IValueTaskSource<FuseEntryOut>.GetResult(short token) => Read<FuseEntryOut>(token);

    FuseAttrOut IValueTaskSource<FuseAttrOut>.GetResult(short token) => Read<FuseAttrOut>(token);

    FuseOpenOut IValueTaskSource<FuseOpenOut>.GetResult(short token) => Read<FuseOpenOut>(token);

    FuseKstatfs IValueTaskSource<FuseKstatfs>.GetResult(short token) => Read<FuseStatfsOut>(token).St;

    FuseInitOut IValueTaskSource<FuseInitOut>.GetResult(short token) => Read<FuseInitOut>(token);

    FuseCreateResult IValueTaskSource<FuseCreateResult>.GetResult(short token)
    {
        try
        {
            _ = _core.GetResult(token);
            int entrySize = Owner.Protocol.EntryOutSize;
            ReadOnlySpan<byte> args = _payload.AsSpan(0, ArgLength);
            return new FuseCreateResult(
                FuseStructReader.ReadPadded<FuseEntryOut>(args[..Math.Min(entrySize, args.Length)]),
                FuseStructReader.ReadPadded<FuseOpenOut>(args[Math.Min(entrySize, args.Length)..]));
        }
        finally
        {
            Release();
        }
    }

    private T Read<T>(short token)
        where T : unmanaged
    {
        try
        {
            _ = _core.GetResult(token);
            return FuseStructReader.ReadPadded<T>(_payload.AsSpan(0, ArgLength));
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Copies the reply where its target says and returns the caller's int result.</summary>
    private int Store(FuseReply reply)
    {
        ReadOnlySpan<byte> frame = reply.Frame;
        int args = reply.Argument.Length + reply.Argument2.Length;
        ReadOnlySpan<byte> data = reply.Data;
        switch (Target)
        {
            case FuseReplyTarget.DataToDestination:
                CopyToPayload(frame.Slice(FuseOutHeader.StructSize, args));
                ArgLength = args;
                int copied = Math.Min(data.Length, Destination.Length);
                data[..copied].CopyTo(Destination.Span);
                return copied;
            case FuseReplyTarget.PayloadToDestination:
                ReadOnlySpan<byte> payload = frame[FuseOutHeader.StructSize..];
                payload[..Math.Min(payload.Length, Destination.Length)].CopyTo(Destination.Span);
                ArgLength = 0;
                PayloadLength = 0;
                return payload.Length;
            default:
                CopyToPayload(frame[FuseOutHeader.StructSize..]);
                ArgLength = args;
                return Opcode == FuseOpcode.Write ? (int)reply.GetArgument<FuseWriteOut>().Size : data.Length;
        }
    }

    private void CopyToPayload(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _payload.Length)
        {
            if (!ReferenceEquals(_payload, _own))
            {
                ArrayPool<byte>.Shared.Return(_payload);
            }

            _payload = ArrayPool<byte>.Shared.Rent(bytes.Length);
        }

        bytes.CopyTo(_payload);
        PayloadLength = bytes.Length;
    }
}
