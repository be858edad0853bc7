using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Formatting;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Fuzzing;

/// <summary>
/// The <c>request</c> target: the request decoder at any minor. Input: a minor byte, a flags byte (see <see cref="FuzzProtocol"/>),
/// then one request frame.
/// </summary>
public static class RequestTarget
{
    /// <summary>The bytes before the frame.</summary>
    public const int PrefixLength = 2;

    /// <summary>Runs one input. Throws <see cref="FuseProtocolException"/> only for what the decoder refuses by contract, and
    /// <see cref="FuzzContractException"/> (or anything else) for a bug.</summary>
    /// <param name="input">The fuzz input.</param>
    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < PrefixLength)
        {
            return;
        }

        FuseProtocol protocol = FuzzProtocol.From(input[0], input[1]);
        ReadOnlySpan<byte> frame = input[PrefixLength..];

        long start = AllocationBound.Start();
        bool accepted = Decode(frame, protocol, out FuseProtocolError error);
        long budget = input.Length + AllocationBound.Slack;
        if (!AllocationBound.Within(start, budget))
        {
            start = AllocationBound.Start();
            _ = Decode(frame, protocol, out _);
            AllocationBound.Check("request", start, budget);
        }

        // The throwing decoder and the formatter allocate (an exception, a line), so they run after the measurement.
        FuseProtocolException? thrown = null;
        try
        {
            _ = FuseRequest.Parse(frame, protocol);
        }
        catch (FuseProtocolException exception)
        {
            thrown = exception;
        }

        if (accepted && thrown is not null)
        {
            throw new FuzzContractException("request: Parse refused a frame that TryParse accepted.", thrown);
        }

        if (!accepted)
        {
            FrameChecks.SameError("request", error, thrown);
        }

        _ = FuseFrameFormatter.FormatRequest(frame, protocol);
        if (accepted)
        {
            _ = FuseFrameFormatter.FormatRequest(FuseRequest.Parse(frame, protocol));
        }
    }

    private static bool Decode(ReadOnlySpan<byte> frame, in FuseProtocol protocol, out FuseProtocolError error)
    {
        bool accepted = FuseRequest.TryParse(frame, protocol, out FuseRequest request, out error);
        if (accepted)
        {
            Walk(request, protocol);
        }
        else
        {
            FrameChecks.Rejection("request", error, frame.Length);
        }

        return accepted;
    }

    private static void Walk(in FuseRequest request, in FuseProtocol protocol)
    {
        ReadOnlySpan<byte> frame = request.Frame;
        FrameChecks.Inside("request", "argument", frame, request.Argument);
        FrameChecks.Inside("request", "name", frame, request.Name);
        FrameChecks.Inside("request", "name2", frame, request.Name2);
        FrameChecks.Inside("request", "data", frame, request.Data);
        FrameChecks.Inside("request", "extensions", frame, request.Extensions);
        if (request.Name.Contains((byte)0) || request.Name2.Contains((byte)0))
        {
            throw new FuzzContractException("request: a name holds a NUL.");
        }

        if (protocol.HasExtensions && request.Extensions.Length != request.Header.TotalExtLen * 8)
        {
            throw new FuzzContractException("request: the extension area is not 8 * total_extlen bytes.");
        }

        ulong sum = request.NodeId ^ request.Unique ^ (ulong)request.Opcode;
        foreach (FuseForgetOne forget in request.Forgets)
        {
            sum ^= forget.NodeId ^ forget.NLookup;
        }

        foreach (FuseRemovemappingOne mapping in request.RemoveMappings)
        {
            sum ^= mapping.MOffset ^ mapping.Len;
        }

        foreach (FuseExtension extension in request.EnumerateExtensions())
        {
            sum ^= extension.Type ^ (ulong)extension.Body.Length;
            if (extension.TryGetSupplementaryGroups(out ReadOnlySpan<uint> groups))
            {
                FrameChecks.Inside("request", "groups", frame, System.Runtime.InteropServices.MemoryMarshal.AsBytes(groups));
                foreach (uint group in groups)
                {
                    sum ^= group;
                }
            }

            foreach (FuseSecurityContext context in extension.EnumerateSecurityContexts())
            {
                FrameChecks.Inside("request", "security context name", frame, context.Name);
                FrameChecks.Inside("request", "security context value", frame, context.Value);
                sum ^= (ulong)context.Name.Length ^ (ulong)context.Value.Length;
            }
        }

        sum ^= RequestArguments.Read(request);
        FuseReplyContext replyContext = FuseReplyContext.For(request);
        sum ^= replyContext.RequestedSize;
        Sink.Value ^= sum;
    }
}
