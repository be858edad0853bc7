using System;
using System.IO;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transcripts;
using FuseWire.Validation;

namespace FuseWire.Fuzzing;

/// <summary>
/// The <c>transcript</c> target: the pcapng transcript reader, and every frame it hands out decoded as <c>fusewire check</c> would
/// (requests registered as outstanding, replies validated against them, notifications decoded). Input: an options byte (bit 0:
/// lenient), then the file.
/// </summary>
/// <remarks>
/// The reader's memory is bounded by the file: its buffer starts at the file's size (at most 64 KiB) and grows only for a block the
/// file holds, and each interface block costs an object and its name as UTF-16. The bound is therefore
/// <see cref="SizeFactor"/> times the input plus <see cref="Slack"/> (the thrown exception, the reader and its tables).
/// </remarks>
public static class TranscriptTarget
{
    /// <summary>Bytes of allocation allowed per input byte.</summary>
    public const long SizeFactor = 4;

    /// <summary>The constant allowed beside.</summary>
    public const long Slack = 16 * 1024;

    private static readonly FuseTranscriptReaderOptions Strict = new();
    private static readonly FuseTranscriptReaderOptions Lenient = new() { Lenient = true };

    /// <summary>Runs one input. Throws <see cref="FuseTranscriptException"/> only for a file the reader refuses by contract, and
    /// <see cref="FuzzContractException"/> (or anything else) for a bug.</summary>
    /// <param name="input">The fuzz input.</param>
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 1)
        {
            return;
        }

        FuseTranscriptReaderOptions options = (input[0] & 1) != 0 ? Lenient : Strict;
        byte[] file = input[1..].ToArray();
        long budget = (SizeFactor * input.Length) + Slack;
        FuseOutstandingRequests outstanding = new();
        long start = AllocationBound.Start();
        FuseTranscriptException? refused = Read(file, options, outstanding);
        if (!AllocationBound.Within(start, budget))
        {
            outstanding = new();
            start = AllocationBound.Start();
            _ = Read(file, options, outstanding);
            AllocationBound.Check("transcript", start, budget);
        }

        if (refused is not null)
        {
            throw refused;
        }
    }

    private static FuseTranscriptException? Read(byte[] file, FuseTranscriptReaderOptions options, FuseOutstandingRequests outstanding)
    {
        using MemoryStream stream = new(file, writable: false);
        try
        {
            using FuseTranscriptReader reader = new(stream, options);
            long previous = -1;
            while (reader.TryRead(out FuseTranscriptRecord record))
            {
                if (record.Index != previous + 1 || record.Offset < 0 || record.Offset >= file.Length || record.Frame.Length > record.OriginalLength
                    || record.InterfaceId < 0 || record.InterfaceId >= reader.Interfaces.Count)
                {
                    throw new FuzzContractException("transcript: a record's index, offset, length or interface is inconsistent.");
                }

                previous = record.Index;
                FuseTranscriptInterface face = reader.Interfaces[record.InterfaceId];
                Sink.Value ^= (ulong)record.TimestampNanoseconds ^ (ulong)face.Name.Length ^ face.LinkType ^ face.TimestampResolution
                    ^ (record.DirectionGuessed ? 1UL : 0UL) ^ (record.IsTruncated ? 2UL : 0UL);
                if (!record.IsTruncated)
                {
                    Check(record.Frame, record.Direction, outstanding);
                }
            }
        }
        catch (FuseTranscriptException exception)
        {
            if (exception.Offset < 0 || exception.Offset > file.Length)
            {
                throw new FuzzContractException("transcript: the exception's offset lies outside the file.", exception);
            }

            return exception;
        }

        return null;
    }

    private static void Check(ReadOnlySpan<byte> frame, FuseFrameDirection direction, FuseOutstandingRequests outstanding)
    {
        FuseProtocol protocol = FuseProtocol.Latest;
        if (direction == FuseFrameDirection.Request)
        {
            if (FuseRequest.TryParse(frame, protocol, out FuseRequest request, out _))
            {
                _ = outstanding.TryAdd(FuseReplyContext.For(request));
            }
        }
        else if (direction == FuseFrameDirection.Reply)
        {
            FuseValidationResult result = FuseReplyValidator.ValidateIncoming(frame, outstanding, protocol, FuseReplyStrictness.Lenient, out _);
            Sink.Value ^= (ulong)result.Error.Rule;
        }
    }
}
