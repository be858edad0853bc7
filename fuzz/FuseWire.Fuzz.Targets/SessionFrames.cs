using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace FuseWire.Fuzzing;

/// <summary>Builds <see cref="FrameTransport"/> inputs: each frame behind a little-endian uint16 length.</summary>
public static class SessionFrames
{
    /// <summary>A marker frame that stands for an interrupted read.</summary>
    public static readonly byte[] Interrupted = new byte[1];

    /// <summary>Frames the frames.</summary>
    /// <param name="frames">The frames; <see cref="Interrupted"/> (by reference) for an interrupted read.</param>
    /// <returns>The input.</returns>
    public static byte[] Frame(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        List<byte> input = [];
        Span<byte> prefix = stackalloc byte[2];
        foreach (byte[] frame in frames)
        {
            bool interrupted = ReferenceEquals(frame, Interrupted);
            BinaryPrimitives.WriteUInt16LittleEndian(prefix, interrupted ? FrameTransport.InterruptedRead : checked((ushort)frame.Length));
            input.AddRange(prefix);
            if (!interrupted)
            {
                input.AddRange(frame);
            }
        }

        return [.. input];
    }
}
