using System;
using System.Buffers.Binary;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Sessions;
using FuseWire.Transports;
using FuseWire.Validation;

namespace FuseWire.Fuzzing;

/// <summary>
/// An in-memory transport that plays the kernel from a fuzz input: <see cref="Read"/> hands out the input's frames one by one and
/// <see cref="Write"/> checks every reply the session sends against the request it answers.
/// </summary>
/// <remarks>
/// Framing: a little-endian uint16 length, then that many bytes (fewer at the end of the input); the length 0xFFFF stands for an
/// interrupted read and carries no bytes. The end of the input reads as an unmount.
/// </remarks>
public sealed class FrameTransport : FuseTransport
{
    /// <summary>The length prefix that stands for an interrupted read.</summary>
    public const ushort InterruptedRead = 0xFFFF;

    /// <summary>Bytes a frame may make the session and its file system allocate beside 16 times its size: a MemFs content chunk
    /// (64 KiB) and the growth of its tables.</summary>
    public const long FrameSlack = 128 * 1024;

    private readonly byte[] _input;
    private int _cursor;
    private long _frameStart;
    private int _frameLength;
    private bool _haveContext;
    private bool _requestParsed;
    private FuseReplyContext _context;
    private FuseProtocol _readProtocol;
    private int _repliesToFrame;
    private readonly System.Collections.Generic.HashSet<ulong> _interrupts = new(64);

    /// <summary>Creates a transport over a copy of the input.</summary>
    /// <param name="input">The fuzz input.</param>
    public FrameTransport(ReadOnlySpan<byte> input)
    {
        _input = new byte[input.Length];
        input.CopyTo(_input);
    }

    /// <summary>The session whose protocol requests are decoded with; set before it runs.</summary>
    public FuseSession? Session { get; set; }

    /// <summary>Frames handed out.</summary>
    public int Frames { get; private set; }

    /// <summary>Frames written by the session.</summary>
    public int Replies { get; private set; }

    /// <summary>Whether <see cref="Failure"/> is the allocation bound (which a second run may not repeat, see <see cref="AllocationBound.Within"/>).</summary>
    public bool FailedOnAllocation { get; private set; }

    /// <summary>Replies that were not errors.</summary>
    public int SuccessReplies { get; private set; }

    /// <summary>The first broken contract seen, if any.</summary>
    public FuzzContractException? Failure { get; private set; }

    /// <inheritdoc/>
    public override FuseReadStatus Read(Span<byte> buffer, out int bytesRead)
    {
        bytesRead = 0;
        if (Frames > 0)
        {
            // Everything the previous frame cost was allocated between the two reads, on this thread.
            long allocated = GC.GetAllocatedBytesForCurrentThread() - _frameStart;
            long budget = (16L * _frameLength) + FrameSlack;
            if (allocated > budget)
            {
                Fail($"session: frame {Frames} ({_frameLength} bytes) made the session allocate {allocated} bytes, more than {budget}.");
                FailedOnAllocation = true;
            }
        }

        if (Failure is not null || _input.Length - _cursor < 2)
        {
            return FuseReadStatus.Unmounted;
        }

        ushort length = BinaryPrimitives.ReadUInt16LittleEndian(_input.AsSpan(_cursor));
        _cursor += 2;
        Frames++;
        _frameLength = 0;
        _haveContext = false;
        _repliesToFrame = 0;
        if (length == InterruptedRead)
        {
            _frameStart = GC.GetAllocatedBytesForCurrentThread();
            return FuseReadStatus.Interrupted;
        }

        int take = Math.Min(Math.Min(length, _input.Length - _cursor), buffer.Length);
        ReadOnlySpan<byte> frame = _input.AsSpan(_cursor, take);
        _cursor += take;
        frame.CopyTo(buffer);
        bytesRead = take;
        _frameLength = take;
        _readProtocol = Session?.Protocol ?? FuseProtocol.Latest;
        _requestParsed = FuseRequest.TryParse(frame, _readProtocol, out FuseRequest request, out _);
        if (_requestParsed)
        {
            _context = FuseReplyContext.For(request);
            _haveContext = true;
            if (request.Opcode == FuseOpcode.Interrupt && request.Unique != 0)
            {
                // A later request may answer it EAGAIN when no worker was serving its target (the kernel's protocol).
                _ = _interrupts.Add(request.Unique);
            }
        }

        _frameStart = GC.GetAllocatedBytesForCurrentThread();
        return FuseReadStatus.Frame;
    }

    /// <inheritdoc/>
    public override int Write(ReadOnlySpan<byte> frame)
    {
        Replies++;
        if (frame.Length < FuseOutHeader.StructSize || BinaryPrimitives.ReadUInt32LittleEndian(frame) != (uint)frame.Length)
        {
            Fail("session: wrote a frame whose len is not its size.");
            return 0;
        }

        ulong unique = BinaryPrimitives.ReadUInt64LittleEndian(frame[8..]);
        if (unique == 0)
        {
            if (!FuseNotification.TryParse(frame, _readProtocol, out _, out FuseProtocolError notifyError))
            {
                Fail("session: wrote an invalid notification: " + notifyError.ToString());
            }

            return 0;
        }

        if (frame.Length == FuseOutHeader.StructSize && BinaryPrimitives.ReadInt32LittleEndian(frame[4..]) == -Errno.EAGAIN && _interrupts.Remove(unique))
        {
            // The EAGAIN answer to an earlier INTERRUPT whose request nobody was serving: not a reply to this frame.
            return 0;
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(frame[4..]) == 0)
        {
            SuccessReplies++;
        }

        if (++_repliesToFrame > 1)
        {
            Fail("session: answered one request twice.");
            return 0;
        }

        if (_haveContext)
        {
            FuseValidationResult result = FuseReplyValidator.Validate(frame, _context, _readProtocol, FuseReplyStrictness.Strict);
            if (!result.IsValid)
            {
                Fail("session: wrote an invalid reply: " + result.Error.ToString());
            }
        }
        else
        {
            int error = BinaryPrimitives.ReadInt32LittleEndian(frame[4..]);
            if (frame.Length != FuseOutHeader.StructSize || error >= 0 || error < -FuseConstants.MaxErrno)
            {
                Fail("session: answered a request it could not decode with something other than an error.");
            }
        }

        return 0;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
    }

    private void Fail(string message) => Failure ??= new FuzzContractException(message);
}
