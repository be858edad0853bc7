using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using FuseWire.Abi;

namespace FuseWire.Transcripts;

/// <summary>Guesses a frame's direction from its header, for a lenient reader of a transcript that did not record it.</summary>
/// <remarks>
/// Both headers start with <c>len</c>; at offset 4 a <c>fuse_out_header</c> has the signed <c>error</c> (0 or a negative
/// errno; a positive notify code only with <c>unique</c> 0) where a <c>fuse_in_header</c> has the <c>opcode</c> (positive,
/// with a non-zero <c>unique</c>).
/// </remarks>
internal static class FuseFrameDirectionGuess
{
    /// <summary>The guess: <see cref="FuseFrameDirection.Unknown"/> for a frame shorter than an out header.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="swap">Whether the frame's byte order is the other one than this machine's.</param>
    /// <returns>The guessed direction.</returns>
    public static FuseFrameDirection Guess(ReadOnlySpan<byte> frame, bool swap)
    {
        if (frame.Length < FuseOutHeader.StructSize)
        {
            return FuseFrameDirection.Unknown;
        }

        int word = MemoryMarshal.Read<int>(frame[4..]);
        ulong unique = MemoryMarshal.Read<ulong>(frame[8..]);
        if (swap)
        {
            word = BinaryPrimitives.ReverseEndianness(word);
            unique = BinaryPrimitives.ReverseEndianness(unique);
        }

        return word > 0 && unique != 0 && frame.Length >= FuseInHeader.StructSize ? FuseFrameDirection.Request : FuseFrameDirection.Reply;
    }
}
