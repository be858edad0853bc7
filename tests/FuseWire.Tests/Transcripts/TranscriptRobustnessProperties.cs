using System;
using System.Buffers.Binary;
using System.IO;
using FsCheck.Xunit;
using FuseWire.Transcripts;
using Xunit;

namespace FuseWire.Tests.Transcripts;

/// <summary>
/// Reading any bytes — random arrays, random bytes after a valid section header, valid files with flipped bytes, forged
/// lengths, truncations, insertions and deletions — ends or fails with <see cref="FuseTranscriptException"/>; nothing else
/// escapes, and the reader never allocates more than the file's size (plus its first buffer and the exception), nor, from a
/// stream that cannot seek, more than four times the bytes it read (its buffer doubles only when full).
/// </summary>
public sealed class TranscriptRobustnessProperties
{
    /// <summary>The reader object, its interface list, a few interfaces, and an exception with its message and stack trace.</summary>
    private const int Overhead = FuseTranscriptReader.InitialBufferSize + (12 * 1024);

    private static readonly byte[] LittleHeader = new PcapngFile().SectionHeader().Interface().ToArray();
    private static readonly byte[] BigHeader = new PcapngFile(bigEndian: true).SectionHeader().Interface().ToArray();

    [Property(MaxTest = 1000, Replay = "(1618033988,7499)")]
    public void RandomBytes_ReadOrFailWithFuseTranscriptException(byte[] bytes)
    {
        Check(bytes);
    }

    [Property(MaxTest = 1000, Replay = "(2718281828,4591)")]
    public void RandomBlocks_AfterAValidHeader_ReadOrFailWithFuseTranscriptException(byte[] bytes, bool bigEndian, uint type, uint length)
    {
        byte[] block = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(block, (type & 0x100) != 0 ? type : type % 8);
        // FsCheck's integers are small: spread half of them over lengths up to 32 MiB (half of them under the reader's maximum).
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), (length & 1) != 0 ? (length * 2654435761u) % (32u << 20) & ~3u : length % 512);
        if (bigEndian)
        {
            block.AsSpan(0, 4).Reverse();
            block.AsSpan(4, 4).Reverse();
        }

        Check([.. bigEndian ? BigHeader : LittleHeader, .. block, .. bytes]);
    }

    [Property(MaxTest = 1500, Replay = "(3141592653,5897)")]
    public void MutatedValidFiles_ReadOrFailWithFuseTranscriptException(int seed, uint[] edits)
    {
        byte[] file = ValidFileGen.Make(seed);
        for (int i = 0; i + 1 < edits.Length && i < 16; i += 2)
        {
            file = Mutate(file, edits[i], edits[i + 1]);
        }

        Check(file);
    }

    [Fact]
    public void The_generated_files_are_valid_and_the_mutations_find_errors()
    {
        int errors = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            byte[] file = ValidFileGen.Make(seed);
            _ = Transcript.ReadAll(file);
            try
            {
                _ = Transcript.ReadAll(Mutate(file, (uint)seed * 2654435761u, (uint)seed * 40503u));
            }
            catch (FuseTranscriptException)
            {
                errors++;
            }
        }

        Assert.InRange(errors, 50, 200);
    }

    [Theory]
    [InlineData(16u << 20)]
    [InlineData(1u << 20)]
    [InlineData(100_000u)]
    public void A_forged_block_length_allocates_only_for_the_bytes_that_are_there(uint forged)
    {
        byte[] body = new byte[40 * 1024];
        byte[] file = [.. LittleHeader, 6, 0, 0, 0, (byte)forged, (byte)(forged >> 8), (byte)(forged >> 16), (byte)(forged >> 24), .. body];

        FuseTranscriptException pastEnd = Assert.Throws<FuseTranscriptException>(() => Transcript.ReadAll(file));
        Assert.Equal((FuseTranscriptError.BlockPastEnd, 68L), (pastEnd.Error, pastEnd.Offset));
        FuseTranscriptException truncated = Assert.Throws<FuseTranscriptException>(() => Transcript.ReadAll(new NonSeekableStream(file), null, out _));
        Assert.Equal((FuseTranscriptError.Truncated, 68L), (truncated.Error, truncated.Offset));
        Check(file);
    }

    private static byte[] Mutate(byte[] file, uint what, uint value)
    {
        if (file.Length < 8)
        {
            return file;
        }

        int position = (int)((what >> 3) % (uint)file.Length);
        int aligned = Math.Min(position & ~3, file.Length - 4);
        switch (what & 7)
        {
            case 0:
                file[position] ^= (byte)(value | 1);
                return file;
            case 1:
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(aligned), (value & 1) != 0 ? value * 2654435761u : (value * 2654435761u) % (32u << 20) & ~3u);
                return file;
            case 2:
                BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(aligned), value % 1024);
                return file;
            case 3:
                BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(aligned), value % 1024);
                return file;
            case 4:
                return file[..position];
            case 5:
                return [.. file[..aligned], (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24), .. file[aligned..]];
            case 6:
                return [.. file[..aligned], .. file[Math.Min(aligned + 4, file.Length)..]];
            default:
                file[position] = (byte)value;
                return file;
        }
    }

    private static void Check(byte[] file)
    {
        long seekable = Drain(new MemoryStream(file), lenient: false);
        Assert.True(seekable <= file.Length + Overhead, $"reading {file.Length} bytes allocated {seekable}");
        long piped = Drain(new NonSeekableStream(file, chunk: 4093), lenient: true);
        // From a pipe the buffer doubles only when full of bytes that arrived: at most twice the bytes read live, four times in all.
        Assert.True(piped <= (4L * file.Length) + Overhead, $"reading {file.Length} bytes from a pipe allocated {piped}");
    }

    /// <summary>Reads to the end or the first error, checking each record; returns the bytes allocated.</summary>
    private static long Drain(Stream stream, bool lenient)
    {
        FuseTranscriptReaderOptions options = new() { Lenient = lenient };
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            using FuseTranscriptReader reader = new(stream, options);
            long index = 0;
            while (reader.TryRead(out FuseTranscriptRecord record))
            {
                if (record.Index != index++ || record.Frame.Length > record.OriginalLength || (uint)record.InterfaceId >= (uint)reader.Interfaces.Count
                    || (!lenient && record.Direction is not (FuseFrameDirection.Request or FuseFrameDirection.Reply)) || record.Offset < 0)
                {
                    Assert.Fail($"record {record.Index} at {record.Offset} is inconsistent");
                }
            }
        }
        catch (FuseTranscriptException e)
        {
            Assert.True(e.Offset >= 0 && e.Error != FuseTranscriptError.None, e.Message);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
