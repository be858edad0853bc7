using FuseWire.Abi;

namespace FuseWire.Protocol;

/// <summary>
/// What a FUSE connection negotiated at INIT: the minor version both sides speak, the INIT flags both accepted,
/// and the largest frame either side will send. The codec sizes every struct from it.
/// </summary>
/// <remarks>
/// Sizes that changed over the protocol's life (entry and attr replies before 7.9, INIT before 7.23 and 7.36, ...)
/// are decided from <see cref="Minor"/>; features (FUSE_SETXATTR_EXT, FUSE_INIT_EXT, ...) from <see cref="Flags"/>,
/// never from the minor alone.
/// </remarks>
public readonly record struct FuseProtocol
{
    /// <summary>The default largest frame: a 1 MiB WRITE (256 pages) plus its header and arguments, rounded up.</summary>
    public const uint DefaultMaxFrameLength = (1u << 20) + 4096;

    /// <summary>Creates a protocol description.</summary>
    /// <param name="minor">The negotiated minor version (major is always 7).</param>
    /// <param name="flags">The negotiated INIT flags, both words.</param>
    /// <param name="maxFrameLength">The largest frame accepted, header included.</param>
    public FuseProtocol(uint minor, FuseInitFlags flags, uint maxFrameLength = DefaultMaxFrameLength)
    {
        Minor = minor;
        Flags = flags;
        MaxFrameLength = maxFrameLength;
    }

    /// <summary>Protocol 7.45 with every feature flag that changes the wire format (FUSE_INIT_EXT, FUSE_SETXATTR_EXT) set.</summary>
    public static FuseProtocol Latest { get; } = new(FuseConstants.KernelMinorVersion, FuseInitFlags.InitExt | FuseInitFlags.SetxattrExt);

    /// <summary>The protocol before INIT has been answered: frames are sized as at 7.45, INIT itself by its own fields.</summary>
    public static FuseProtocol Initial => Latest;

    /// <summary>The negotiated minor version.</summary>
    public uint Minor { get; init; }

    /// <summary>The negotiated INIT flags (<c>flags | flags2 &lt;&lt; 32</c>).</summary>
    public FuseInitFlags Flags { get; init; }

    /// <summary>The largest frame, header included, that a decoder accepts before looking further.</summary>
    public uint MaxFrameLength { get; init; }

    /// <summary>Whether every flag of <paramref name="flag"/> was negotiated.</summary>
    /// <param name="flag">One or more INIT flags.</param>
    /// <returns>True when all were negotiated.</returns>
    public bool Has(FuseInitFlags flag) => (Flags & flag) == flag;

    /// <summary>Returns this protocol at another minor version.</summary>
    /// <param name="minor">The minor version.</param>
    /// <returns>A copy with <see cref="Minor"/> replaced.</returns>
    public FuseProtocol WithMinor(uint minor) => this with { Minor = minor };

    /// <summary>The first minor whose request header carries <c>total_extlen</c> and extension records (7.38).</summary>
    public const uint ExtensionsMinor = 38;

    /// <summary>Whether requests at this minor may carry extensions after their arguments (<c>total_extlen</c>, 7.38).</summary>
    public bool HasExtensions => Minor >= ExtensionsMinor;

    /// <summary>The wire size of <see cref="FuseEntryOut"/> at this minor.</summary>
    public int EntryOutSize => Minor < 9 ? FuseConstants.CompatEntryOutSize : FuseEntryOut.StructSize;

    /// <summary>The wire size of <see cref="FuseAttrOut"/> at this minor.</summary>
    public int AttrOutSize => Minor < 9 ? FuseConstants.CompatAttrOutSize : FuseAttrOut.StructSize;

    /// <summary>The wire size of <see cref="FuseSetxattrIn"/> with the negotiated flags.</summary>
    public int SetxattrInSize => Has(FuseInitFlags.SetxattrExt) ? FuseSetxattrIn.StructSize : FuseConstants.CompatSetxattrInSize;

    /// <summary>The wire size of a READ/READDIR argument (<see cref="FuseReadIn"/>) at this minor.</summary>
    public int ReadInSize => Minor < 9 ? FuseConstants.CompatWriteInSize : FuseReadIn.StructSize;

    /// <summary>The wire size of <see cref="FuseWriteIn"/> at this minor.</summary>
    public int WriteInSize => Minor < 9 ? FuseConstants.CompatWriteInSize : FuseWriteIn.StructSize;

    /// <summary>The wire size of <see cref="FuseStatfsOut"/> at this minor.</summary>
    public int StatfsOutSize => Minor < 4 ? FuseConstants.CompatStatfsSize : FuseStatfsOut.StructSize;

    /// <summary>Returns the wire size of <see cref="FuseInitOut"/> for a reply that states <paramref name="minor"/>.</summary>
    /// <param name="minor">The minor version in the INIT reply.</param>
    /// <returns>8 before 7.5, 24 before 7.23, else 64.</returns>
    public static int InitOutSize(uint minor) =>
        minor < 5 ? FuseConstants.CompatInitOutSize : minor < 23 ? FuseConstants.Compat22InitOutSize : FuseInitOut.StructSize;

    /// <summary>Returns the wire size of <see cref="FuseInitIn"/> for a request that states <paramref name="minor"/>.</summary>
    /// <param name="minor">The minor version in the INIT request.</param>
    /// <returns>16 before 7.36, else 64.</returns>
    public static int InitInSize(uint minor) => minor < 36 ? FuseConstants.CompatInitInSize : FuseInitIn.StructSize;

    /// <summary>Negotiates as both sides of INIT do: minor = min(ours, theirs), flags = offered ∩ wanted (the high word only with FUSE_INIT_EXT).</summary>
    /// <param name="peerMinor">The minor version the peer stated.</param>
    /// <param name="offered">The flags the kernel offered.</param>
    /// <param name="wanted">The flags the daemon wants.</param>
    /// <param name="maxFrameLength">The largest frame either side sends.</param>
    /// <returns>The negotiated protocol.</returns>
    public static FuseProtocol Negotiate(uint peerMinor, FuseInitFlags offered, FuseInitFlags wanted, uint maxFrameLength = DefaultMaxFrameLength)
    {
        uint minor = peerMinor < FuseConstants.KernelMinorVersion ? peerMinor : FuseConstants.KernelMinorVersion;
        FuseInitFlags flags = offered & wanted;
        if ((flags & FuseInitFlags.InitExt) == 0)
        {
            flags &= (FuseInitFlags)0xFFFF_FFFFUL;
        }

        return new FuseProtocol(minor, flags, maxFrameLength);
    }

    /// <summary>Reads the 64-bit flag set an INIT request offers: <c>flags</c>, plus <c>flags2 &lt;&lt; 32</c> when FUSE_INIT_EXT is set.</summary>
    /// <param name="init">The INIT request's argument.</param>
    /// <returns>The offered flags.</returns>
    public static FuseInitFlags FlagsOf(in FuseInitIn init) => Combine(init.Flags, init.Flags2);

    /// <summary>Reads the 64-bit flag set an INIT reply accepts: <c>flags</c>, plus <c>flags2 &lt;&lt; 32</c> when FUSE_INIT_EXT is set.</summary>
    /// <param name="init">The INIT reply.</param>
    /// <returns>The accepted flags.</returns>
    public static FuseInitFlags FlagsOf(in FuseInitOut init) => Combine(init.Flags, init.Flags2);

    /// <summary>Splits a 64-bit flag set into the <c>flags</c> and <c>flags2</c> words of INIT.</summary>
    /// <param name="flags">The flag set.</param>
    /// <param name="low">The low word (<c>flags</c>).</param>
    /// <param name="high">The high word (<c>flags2</c>); meaningful only with FUSE_INIT_EXT.</param>
    public static void Split(FuseInitFlags flags, out uint low, out uint high)
    {
        low = (uint)((ulong)flags & 0xFFFF_FFFFUL);
        high = (uint)((ulong)flags >> 32);
    }

    private static FuseInitFlags Combine(uint low, uint high) =>
        (FuseInitFlags)((low & (uint)FuseInitFlags.InitExt) != 0 ? low | ((ulong)high << 32) : low);
}
