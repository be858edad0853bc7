namespace FuseWire.Transcripts;

/// <summary>pcapng constants: block types, option codes, fixed sizes (draft-ietf-opsawg-pcapng).</summary>
internal static class Pcapng
{
    /// <summary>Section Header Block type (the same in both byte orders).</summary>
    public const uint SectionHeaderType = 0x0A0D0D0A;

    /// <summary>Interface Description Block type.</summary>
    public const uint InterfaceDescriptionType = 1;

    /// <summary>Simple Packet Block type.</summary>
    public const uint SimplePacketType = 3;

    /// <summary>Enhanced Packet Block type.</summary>
    public const uint EnhancedPacketType = 6;

    /// <summary>The byte-order magic as the writer's machine stores it.</summary>
    public const uint ByteOrderMagic = 0x1A2B3C4D;

    /// <summary>The byte-order magic as a machine of the other byte order reads it.</summary>
    public const uint SwappedByteOrderMagic = 0x4D3C2B1A;

    /// <summary>LINKTYPE_USER0: FuseWire's link type for FUSE frames.</summary>
    public const ushort LinkTypeFuse = 147;

    /// <summary>Block type, total length, ..., total length: the smallest block.</summary>
    public const int MinimumBlockLength = 12;

    /// <summary>type, length, magic, major, minor, section length (8), trailing length.</summary>
    public const int MinimumSectionHeaderLength = 28;

    /// <summary>type, length, link type, reserved, snaplen, trailing length.</summary>
    public const int MinimumInterfaceDescriptionLength = 20;

    /// <summary>type, length, interface id, timestamp high, timestamp low, captured length, original length, trailing length.</summary>
    public const int MinimumEnhancedPacketLength = 32;

    /// <summary>type, length, original length, trailing length.</summary>
    public const int MinimumSimplePacketLength = 16;

    /// <summary>Offset of an Enhanced Packet Block's packet data.</summary>
    public const int EnhancedPacketDataOffset = 28;

    /// <summary>Offset of a Section Header Block's options.</summary>
    public const int SectionHeaderOptionsOffset = 24;

    /// <summary>Offset of an Interface Description Block's options.</summary>
    public const int InterfaceDescriptionOptionsOffset = 16;

    /// <summary>opt_endofopt.</summary>
    public const ushort OptionEnd = 0;

    /// <summary>shb_userappl.</summary>
    public const ushort OptionUserApplication = 4;

    /// <summary>if_name.</summary>
    public const ushort OptionInterfaceName = 2;

    /// <summary>if_tsresol.</summary>
    public const ushort OptionTimestampResolution = 9;

    /// <summary>if_tsoffset.</summary>
    public const ushort OptionTimestampOffset = 14;

    /// <summary>epb_flags.</summary>
    public const ushort OptionFlags = 2;

    /// <summary>if_tsresol when the option is absent: microseconds.</summary>
    public const byte DefaultTimestampResolution = 6;

    /// <summary>if_tsresol for nanoseconds, as FuseWire writes it.</summary>
    public const byte NanosecondResolution = 9;

    /// <summary>Rounds a length up to 32 bits.</summary>
    public static int Pad4(int length) => (length + 3) & ~3;

    /// <summary>A block type's name for messages.</summary>
    public static string BlockName(uint type) => type switch
    {
        SectionHeaderType => "Section Header Block",
        InterfaceDescriptionType => "Interface Description Block",
        SimplePacketType => "Simple Packet Block",
        EnhancedPacketType => "Enhanced Packet Block",
        _ => $"block of type 0x{type:X8}",
    };
}
