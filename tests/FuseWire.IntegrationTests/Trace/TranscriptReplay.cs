using System;
using System.Collections.Generic;
using System.IO;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transcripts;
using FuseWire.Validation;

namespace FuseWire.IntegrationTests.Trace;

/// <summary>
/// Reads a transcript back as <c>fusewire check</c> does: requests decoded with the protocol the INIT exchange in it negotiated,
/// each reply validated against the outstanding requests; counts the requests by opcode and collects every violation.
/// </summary>
internal sealed class TranscriptReplay
{
    public Dictionary<FuseOpcode, int> Requests { get; } = [];

    public List<string> Violations { get; } = [];

    public int Replies { get; private set; }

    public int Outstanding { get; private set; }

    public static TranscriptReplay Read(string path)
    {
        TranscriptReplay replay = new();
        using FuseTranscriptReader reader = new(File.OpenRead(path));
        FuseOutstandingRequests outstanding = new(capacity: 1024);
        FuseProtocol protocol = FuseProtocol.Initial;
        uint kernelMinor = FuseConstants.KernelMinorVersion;
        FuseInitFlags offered = 0;
        while (reader.TryRead(out FuseTranscriptRecord record))
        {
            ReadOnlySpan<byte> frame = record.Frame;
            if (record.Direction == FuseFrameDirection.Request)
            {
                if (!FuseRequest.TryParse(frame, protocol, out FuseRequest request, out FuseProtocolError error))
                {
                    replay.Violations.Add($"request #{record.Index}: {error}");
                    continue;
                }

                replay.Requests[request.Opcode] = replay.Requests.GetValueOrDefault(request.Opcode) + 1;
                if (request.Opcode == FuseOpcode.Init)
                {
                    FuseInitIn init = request.GetArgument<FuseInitIn>();
                    kernelMinor = init.Minor;
                    offered = FuseProtocol.FlagsOf(init);
                }

                if (request.Opcode != FuseOpcode.Interrupt && !outstanding.TryAdd(FuseReplyContext.For(request)))
                {
                    replay.Violations.Add($"request #{record.Index}: unique {request.Unique} already outstanding");
                }

                continue;
            }

            if (frame.Length >= FuseOutHeader.StructSize && (System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(frame[8..]) & 1) != 0)
            {
                continue; // an answer to an INTERRUPT
            }

            FuseValidationResult result = FuseReplyValidator.ValidateIncoming(frame, outstanding, protocol, FuseReplyStrictness.Lenient, out FuseReplyContext context);
            if (!result.IsValid)
            {
                replay.Violations.Add($"reply #{record.Index}: {result.Error}");
                continue;
            }

            if (context.Unique != 0)
            {
                replay.Replies++;
            }

            if (context.Opcode == FuseOpcode.Init)
            {
                FuseReply reply = FuseReply.Parse(frame, context, protocol);
                if (!reply.IsError)
                {
                    FuseInitOut init = reply.GetArgument<FuseInitOut>();
                    protocol = FuseProtocol.Negotiate(Math.Min(init.Minor, kernelMinor), offered, FuseProtocol.FlagsOf(init), protocol.MaxFrameLength + (4u << 20));
                }
            }
        }

        replay.Outstanding = outstanding.Count;
        return replay;
    }

    public int Count(FuseOpcode opcode) => Requests.GetValueOrDefault(opcode);
}
