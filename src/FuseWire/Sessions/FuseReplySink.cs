using System;
using System.Threading;
using FuseWire.Abi;
using FuseWire.Buffers;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;
using FuseWire.Validation;

namespace FuseWire.Sessions;

/// <summary>
/// The reply to the request a handler is serving: exactly one of its methods is called, once. Each writes the frame into the
/// worker's reply buffer and sends it; nothing is allocated. One sink per worker, reused for every request.
/// </summary>
public sealed class FuseReplySink
{
    private readonly FuseTransport _device;
    private readonly FixedBufferWriter _output;
    private readonly FuseFrameObserver? _observer;
    private FuseProtocol _protocol;
    private CancellationTokenSource? _cancellation;
    private int _interrupted;

    internal FuseReplySink(FuseTransport device, Memory<byte> buffer, FuseFrameObserver? observer)
    {
        _device = device;
        _output = new FixedBufferWriter(buffer);
        _observer = observer;
    }

    /// <summary>The opcode of the request being answered.</summary>
    public FuseOpcode Opcode { get; private set; }

    /// <summary>The unique of the request being answered.</summary>
    public ulong Unique { get; private set; }

    /// <summary>Whether the reply has been sent.</summary>
    public bool HasReplied { get; private set; }

    /// <summary>Whether the kernel sent FUSE_INTERRUPT for this request (the caller gave up waiting, e.g. on a signal).</summary>
    public bool IsInterrupted => Volatile.Read(ref _interrupted) != 0;

    /// <summary>A token cancelled when the kernel interrupts this request. Created on first use, then reused: no allocation per request.</summary>
    public CancellationToken CancellationToken
    {
        get
        {
            _cancellation ??= new CancellationTokenSource();
            if (IsInterrupted)
            {
                _cancellation.Cancel();
            }

            return _cancellation.Token;
        }
    }

    /// <summary>The largest payload a reply may carry (data after the 16-byte header).</summary>
    public int MaxPayload => _output.Capacity - FuseOutHeader.StructSize;

    /// <summary>Answers with an error (a positive errno, e.g. <see cref="Errno.ENOENT"/>).</summary>
    /// <param name="errno">1 to 511.</param>
    public void Error(int errno) => Send(FuseReplyWriter.WriteError(Begin(), Unique, errno));

    /// <summary>Answers with success and no payload (UNLINK, RELEASE, FSYNC, SETXATTR, ...).</summary>
    public void Ok() => Send(FuseReplyWriter.WriteEmpty(Begin(), Unique));

    /// <summary>Answers LOOKUP, MKNOD, MKDIR, SYMLINK or LINK.</summary>
    /// <param name="entry">The entry; its node's lookup count goes up by one in the kernel.</param>
    public void Entry(in FuseEntryOut entry) => Send(FuseReplyWriter.WriteEntry(Begin(), _protocol, Unique, entry));

    /// <summary>Answers GETATTR or SETATTR.</summary>
    /// <param name="attr">The attributes and their cache timeout.</param>
    public void Attr(in FuseAttrOut attr) => Send(FuseReplyWriter.WriteAttr(Begin(), _protocol, Unique, attr));

    /// <summary>Answers OPEN or OPENDIR.</summary>
    /// <param name="open">The handle and FOPEN_* flags.</param>
    public void Open(in FuseOpenOut open) => Send(FuseReplyWriter.WriteOpen(Begin(), Unique, open));

    /// <summary>Answers CREATE or TMPFILE.</summary>
    /// <param name="entry">The new entry.</param>
    /// <param name="open">The handle and FOPEN_* flags.</param>
    public void Create(in FuseEntryOut entry, in FuseOpenOut open) => Send(FuseReplyWriter.WriteCreate(Begin(), _protocol, Unique, entry, open));

    /// <summary>Answers WRITE.</summary>
    /// <param name="size">Bytes written.</param>
    public void Written(uint size) => Send(FuseReplyWriter.WriteWrite(Begin(), Unique, size));

    /// <summary>Answers STATFS.</summary>
    /// <param name="statfs">The statistics.</param>
    public void Statfs(in FuseKstatfs statfs)
    {
        FuseStatfsOut arg = new() { St = statfs };
        Send(FuseReplyWriter.WriteStatfs(Begin(), _protocol, Unique, arg));
    }

    /// <summary>Answers GETXATTR or LISTXATTR asked with size 0: the size needed.</summary>
    /// <param name="size">Bytes needed.</param>
    public void XattrSize(uint size) => Send(FuseReplyWriter.WriteXattrSize(Begin(), Unique, size));

    /// <summary>Answers with data: READ, READLINK, GETXATTR/LISTXATTR values.</summary>
    /// <param name="data">The data (copied into the reply buffer).</param>
    public void Data(ReadOnlySpan<byte> data) => Send(FuseReplyWriter.WriteData(Begin(), Unique, data));

    /// <summary>Returns the reply buffer's payload area, to fill in place and then <see cref="CommitData"/>: a READ without a copy.</summary>
    /// <param name="size">The most bytes the handler will write.</param>
    /// <returns>A span of <paramref name="size"/> bytes.</returns>
    public Span<byte> GetDataBuffer(int size)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxPayload);
        return _output.Buffer.Slice(FuseOutHeader.StructSize, size);
    }

    /// <summary>Sends the first <paramref name="length"/> bytes of the buffer <see cref="GetDataBuffer"/> returned.</summary>
    /// <param name="length">Bytes of payload.</param>
    public void CommitData(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxPayload);
        _ = Begin();
        Span<byte> frame = _output.Buffer[..(FuseOutHeader.StructSize + length)];
        FuseReplyWriter.WriteHeader(frame, Unique);
        _output.Advance(frame.Length);
        Send(frame.Length);
    }

    /// <summary>Returns a dirent writer over the reply buffer, for READDIR or READDIRPLUS (by the request's opcode); send with <see cref="CommitData"/>(writer.BytesWritten).</summary>
    /// <param name="size">The size the request asked for.</param>
    /// <returns>The writer.</returns>
    public FuseDirentWriter GetDirentWriter(uint size) =>
        new(GetDataBuffer((int)Math.Min(size, (uint)MaxPayload)), Opcode == FuseOpcode.Readdirplus);

    /// <summary>Answers GETLK.</summary>
    /// <param name="lk">The conflicting lock, or one of type F_UNLCK.</param>
    public void Lock(in FuseFileLock lk)
    {
        FuseLkOut arg = new() { Lk = lk };
        Send(FuseReplyWriter.Write(Begin(), _protocol, FuseOpcode.Getlk, Unique, arg));
    }

    /// <summary>Answers BMAP.</summary>
    /// <param name="block">The device block.</param>
    public void Bmap(ulong block)
    {
        FuseBmapOut arg = new() { Block = block };
        Send(FuseReplyWriter.Write(Begin(), _protocol, FuseOpcode.Bmap, Unique, arg));
    }

    /// <summary>Answers POLL.</summary>
    /// <param name="revents">The ready events.</param>
    public void Poll(uint revents)
    {
        FusePollOut arg = new() { REvents = revents };
        Send(FuseReplyWriter.Write(Begin(), _protocol, FuseOpcode.Poll, Unique, arg));
    }

    /// <summary>Answers LSEEK.</summary>
    /// <param name="offset">The resulting offset.</param>
    public void Lseek(ulong offset)
    {
        FuseLseekOut arg = new() { Offset = offset };
        Send(FuseReplyWriter.Write(Begin(), _protocol, FuseOpcode.Lseek, Unique, arg));
    }

    /// <summary>Answers COPY_FILE_RANGE (32-bit result) or COPY_FILE_RANGE_64.</summary>
    /// <param name="bytes">Bytes copied.</param>
    public void Copied(ulong bytes)
    {
        if (Opcode == FuseOpcode.CopyFileRange64)
        {
            FuseCopyFileRangeOut arg = new() { BytesCopied = bytes };
            Send(FuseReplyWriter.Write(Begin(), _protocol, Opcode, Unique, arg));
            return;
        }

        Send(FuseReplyWriter.WriteWrite(Begin(), Unique, (uint)Math.Min(bytes, uint.MaxValue)));
    }

    /// <summary>Answers STATX.</summary>
    /// <param name="statx">The reply.</param>
    public void Statx(in FuseStatxOut statx) => Send(FuseReplyWriter.Write(Begin(), _protocol, FuseOpcode.Statx, Unique, statx));

    /// <summary>Answers IOCTL.</summary>
    /// <param name="result">The ioctl's result.</param>
    /// <param name="output">Output data, at most the request's out_size.</param>
    public void Ioctl(int result, ReadOnlySpan<byte> output)
    {
        FuseIoctlOut arg = new() { Result = result };
        Send(FuseReplyWriter.Write(Begin(), _protocol, FuseOpcode.Ioctl, Unique, arg, output));
    }

    internal void Start(FuseOpcode opcode, ulong unique, in FuseProtocol protocol)
    {
        Opcode = opcode;
        Unique = unique;
        _protocol = protocol;
        HasReplied = false;
    }

    /// <summary>Marks the request interrupted (from the thread that read FUSE_INTERRUPT).</summary>
    internal void Interrupt()
    {
        Volatile.Write(ref _interrupted, 1);
        try
        {
            _cancellation?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request ended meanwhile.
        }
    }

    /// <summary>Resets the interruption state after a request.</summary>
    internal void Finish()
    {
        Volatile.Write(ref _interrupted, 0);
        if (_cancellation is { } cts && !cts.TryReset())
        {
            cts.Dispose();
            _cancellation = null;
        }
    }

    /// <summary>Writes a frame built elsewhere (INIT's reply) through the same buffer.</summary>
    internal FixedBufferWriter BeginRaw() => Begin();

    internal void SendRaw(int length) => Send(length);

    private FixedBufferWriter Begin()
    {
        if (HasReplied)
        {
            ThrowHelper.ThrowInvalidOperation("The request " + FuseNames.OpcodeName(Opcode) + " was already answered.");
        }

        _output.Reset();
        return _output;
    }

    private void Send(int length)
    {
        HasReplied = true;
        ReadOnlySpan<byte> frame = _output.Buffer[..length];
        _observer?.Invoke(frame, false);
        _ = _device.Write(frame);
    }
}
