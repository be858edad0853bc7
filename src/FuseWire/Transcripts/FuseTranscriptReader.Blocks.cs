using System;
using System.Runtime.InteropServices;
using System.Text;

namespace FuseWire.Transcripts;

/// <content>Decoding the blocks: lengths, Section Header, Interface Description and Enhanced Packet Blocks, options.</content>
public sealed partial class FuseTranscriptReader
{
    /// <summary>Reads a Section Header Block's byte-order magic (offset 8) and takes the section's byte order from it.</summary>
    private void ReadByteOrder(long offset)
    {
        if (!Fill(12, checkedAgainstFile: true))
        {
            TranscriptThrow.Format(FuseTranscriptError.Truncated, offset, $"Section Header Block: the file ends {_end - _start} bytes into the block (12 needed for its byte-order magic)");
        }

        uint magic = MemoryMarshal.Read<uint>(_buffer.AsSpan(_start + 8));
        if (magic == Pcapng.ByteOrderMagic)
        {
            _swap = false;
        }
        else if (magic == Pcapng.SwappedByteOrderMagic)
        {
            _swap = true;
        }
        else
        {
            TranscriptThrow.Format(FuseTranscriptError.BadByteOrderMagic, offset, $"Section Header Block: byte-order magic 0x{magic:X8} is neither 0x1A2B3C4D nor 0x4D3C2B1A");
        }
    }

    /// <summary>Checks a block's leading total length before anything is read or allocated for it: a multiple of 4, at least
    /// the minimum for its type, at most <see cref="FuseTranscriptReaderOptions.MaxBlockLength"/>, within the file.</summary>
    private int CheckLength(uint type, uint length, long offset)
    {
        if ((length & 3) != 0)
        {
            TranscriptThrow.Format(FuseTranscriptError.LengthNotMultipleOf4, offset, $"{Pcapng.BlockName(type)}: total length {length} is not a multiple of 4");
        }

        int minimum = type switch
        {
            Pcapng.SectionHeaderType => Pcapng.MinimumSectionHeaderLength,
            Pcapng.InterfaceDescriptionType => Pcapng.MinimumInterfaceDescriptionLength,
            Pcapng.EnhancedPacketType => Pcapng.MinimumEnhancedPacketLength,
            Pcapng.SimplePacketType => Pcapng.MinimumSimplePacketLength,
            _ => Pcapng.MinimumBlockLength,
        };
        if (length < (uint)minimum)
        {
            TranscriptThrow.Format(FuseTranscriptError.BlockTooSmall, offset, $"{Pcapng.BlockName(type)}: total length {length} is below the minimum of {minimum}");
        }

        if (length > (uint)_maxBlockLength)
        {
            TranscriptThrow.Format(FuseTranscriptError.BlockTooLarge, offset, $"{Pcapng.BlockName(type)}: total length {length} is above the maximum of {_maxBlockLength}");
        }

        if (_end - _start < (int)length && _stream.CanSeek)
        {
            long remaining = _stream.Length - _streamStart - offset;
            if (length > remaining)
            {
                TranscriptThrow.Format(FuseTranscriptError.BlockPastEnd, offset, $"{Pcapng.BlockName(type)}: total length {length} runs past the end of the file ({remaining} bytes remain)");
            }
        }

        return (int)length;
    }

    /// <summary>
    /// <code>
    ///  0 type 0x0A0D0D0A  4 length  8 magic  12 major  14 minor  16 section length (64 bits, -1 unknown)  24 options  length-4 length
    /// </code>
    /// </summary>
    private void ReadSectionHeader(ReadOnlySpan<byte> block, long offset)
    {
        ushort major = Read16(block[12..]);
        ushort minor = Read16(block[14..]);
        if (major != 1)
        {
            TranscriptThrow.Format(FuseTranscriptError.UnsupportedVersion, offset, $"Section Header Block: version {major}.{minor} is not 1.x");
        }

        int position = Pcapng.SectionHeaderOptionsOffset;
        while (NextOption(block, ref position, offset, out _, out _))
        {
        }

        _sectionIndex++;
        _sectionFirstInterface = _interfaces.Count;
    }

    /// <summary>
    /// <code>
    ///  0 type 1  4 length  8 link type (16)  10 reserved  12 snaplen  16 options (if_name 2, if_tsresol 9, if_tsoffset 14)  length-4 length
    /// </code>
    /// </summary>
    private void ReadInterfaceDescription(ReadOnlySpan<byte> block, long offset)
    {
        ushort linkType = Read16(block[8..]);
        uint snapLength = Read32(block[12..]);
        string name = string.Empty;
        byte resolution = Pcapng.DefaultTimestampResolution;
        long timestampOffset = 0;
        int position = Pcapng.InterfaceDescriptionOptionsOffset;
        while (NextOption(block, ref position, offset, out ushort code, out ReadOnlySpan<byte> value))
        {
            switch (code)
            {
                case Pcapng.OptionInterfaceName:
                    name = Encoding.UTF8.GetString(value.TrimEnd((byte)0));
                    break;
                case Pcapng.OptionTimestampResolution:
                    if (value.Length != 1)
                    {
                        TranscriptThrow.Format(FuseTranscriptError.BadOption, offset, $"Interface Description Block: if_tsresol has length {value.Length}, not 1");
                    }

                    resolution = value[0];
                    break;
                case Pcapng.OptionTimestampOffset:
                    if (value.Length != 8)
                    {
                        TranscriptThrow.Format(FuseTranscriptError.BadOption, offset, $"Interface Description Block: if_tsoffset has length {value.Length}, not 8");
                    }

                    ulong raw = MemoryMarshal.Read<ulong>(value);
                    timestampOffset = (long)(_swap ? System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(raw) : raw);
                    break;
                default:
                    break;
            }
        }

        _interfaces.Add(new FuseTranscriptInterface(_sectionIndex, _interfaces.Count - _sectionFirstInterface, name, linkType, snapLength, resolution, timestampOffset));
    }

    /// <summary>
    /// <code>
    ///  0 type 6  4 length  8 interface id  12 timestamp high  16 timestamp low  20 captured length  24 original length
    /// 28 packet data (padded to 32 bits)  options (epb_flags 2: direction in bits 0-1)  length-4 length
    /// </code>
    /// </summary>
    private FuseTranscriptRecord ReadEnhancedPacket(ReadOnlySpan<byte> block, long offset)
    {
        uint interfaceId = Read32(block[8..]);
        int sectionInterfaces = _interfaces.Count - _sectionFirstInterface;
        if (interfaceId >= (uint)sectionInterfaces)
        {
            TranscriptThrow.Format(FuseTranscriptError.UnknownInterface, offset, $"Enhanced Packet Block: interface {interfaceId} is not described (the section has {sectionInterfaces})");
        }

        int globalId = _sectionFirstInterface + (int)interfaceId;
        FuseTranscriptInterface connection = _interfaces[globalId];
        if (connection.LinkType != Pcapng.LinkTypeFuse)
        {
            TranscriptThrow.Format(FuseTranscriptError.WrongLinkType, offset, $"Enhanced Packet Block: interface {interfaceId} has link type {connection.LinkType}, not 147 (LINKTYPE_USER0, FUSE frames)");
        }

        ulong timestamp = ((ulong)Read32(block[12..]) << 32) | Read32(block[16..]);
        uint captured = Read32(block[20..]);
        uint original = Read32(block[24..]);
        int room = block.Length - Pcapng.EnhancedPacketDataOffset - 4;
        if (captured > (uint)room)
        {
            TranscriptThrow.Format(FuseTranscriptError.BadPacketLength, offset, $"Enhanced Packet Block: captured length {captured} does not fit the block's {room} bytes of packet data");
        }

        if (original > int.MaxValue)
        {
            TranscriptThrow.Format(FuseTranscriptError.BadPacketLength, offset, $"Enhanced Packet Block: original length {original} is above 2^31-1");
        }

        if (captured > original)
        {
            TranscriptThrow.Format(FuseTranscriptError.BadPacketLength, offset, $"Enhanced Packet Block: captured length {captured} is above the original length {original}");
        }

        ReadOnlySpan<byte> frame = block.Slice(Pcapng.EnhancedPacketDataOffset, (int)captured);
        uint flags = 0;
        int position = Pcapng.EnhancedPacketDataOffset + Pcapng.Pad4((int)captured);
        while (NextOption(block, ref position, offset, out ushort code, out ReadOnlySpan<byte> value))
        {
            if (code == Pcapng.OptionFlags)
            {
                if (value.Length != 4)
                {
                    TranscriptThrow.Format(FuseTranscriptError.BadOption, offset, $"Enhanced Packet Block: epb_flags has length {value.Length}, not 4");
                }

                flags = Read32(value);
            }
        }

        FuseFrameDirection direction = (FuseFrameDirection)(flags & 3);
        bool guessed = false;
        if (direction is not FuseFrameDirection.Request and not FuseFrameDirection.Reply)
        {
            if (!_lenient)
            {
                TranscriptThrow.Format(FuseTranscriptError.UnknownDirection, offset, (flags & 3) == 0 ? "Enhanced Packet Block: direction bits 00 (not recorded); a strict reader needs 01 or 10" : "Enhanced Packet Block: direction bits 11 (not a direction); a strict reader needs 01 or 10");
            }

            direction = FuseFrameDirectionGuess.Guess(frame, _swap);
            guessed = true;
        }

        return new FuseTranscriptRecord(_recordIndex++, offset, globalId, connection.ToNanoseconds(timestamp), direction, guessed, frame, (int)original);
    }

    /// <summary>Steps over one option from <paramref name="position"/> to the block's trailing length; false at
    /// <c>opt_endofopt</c> or the end. An option whose (padded) value runs past the end is an error.</summary>
    private bool NextOption(ReadOnlySpan<byte> block, ref int position, long offset, out ushort code, out ReadOnlySpan<byte> value)
    {
        int end = block.Length - 4;
        if (end - position < 4)
        {
            code = 0;
            value = default;
            return false;
        }

        code = Read16(block[position..]);
        ushort length = Read16(block[(position + 2)..]);
        if (code == Pcapng.OptionEnd)
        {
            value = default;
            return false;
        }

        int next = position + 4 + Pcapng.Pad4(length);
        if (next > end)
        {
            TranscriptThrow.Format(FuseTranscriptError.BadOption, offset, $"{Pcapng.BlockName(MemoryMarshal.Read<uint>(block) == Pcapng.SectionHeaderType ? Pcapng.SectionHeaderType : Read32(block))}: option {code} at byte {position} of the block has length {length}, which runs past the options' end at byte {end}");
        }

        value = block.Slice(position + 4, length);
        position = next;
        return true;
    }
}
