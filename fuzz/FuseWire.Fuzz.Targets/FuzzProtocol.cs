using FuseWire.Abi;
using FuseWire.Protocol;

namespace FuseWire.Fuzzing;

/// <summary>Derives the negotiated protocol a target decodes with from two bytes of its input.</summary>
public static class FuzzProtocol
{
    /// <summary>The minors a byte maps onto: <c>minor = b % Count</c>, so 0 to 45 inclusive.</summary>
    public const int Count = (int)FuseConstants.KernelMinorVersion + 1;

    /// <summary>The protocol for a minor byte and a flags byte (bit 0: SETXATTR_EXT, bit 1: INIT_EXT).</summary>
    /// <param name="minorByte">The minor selector.</param>
    /// <param name="flagsByte">The flags selector.</param>
    /// <returns>The protocol.</returns>
    public static FuseProtocol From(byte minorByte, byte flagsByte)
    {
        FuseInitFlags flags = default;
        if ((flagsByte & 1) != 0)
        {
            flags |= FuseInitFlags.SetxattrExt;
        }

        if ((flagsByte & 2) != 0)
        {
            flags |= FuseInitFlags.InitExt;
        }

        return new FuseProtocol((uint)(minorByte % Count), flags);
    }

    /// <summary>The flags byte that <see cref="From"/> maps back onto <paramref name="protocol"/>'s flags.</summary>
    /// <param name="protocol">The protocol.</param>
    /// <returns>The byte.</returns>
    public static byte FlagsByte(in FuseProtocol protocol) =>
        (byte)((protocol.Has(FuseInitFlags.SetxattrExt) ? 1 : 0) | (protocol.Has(FuseInitFlags.InitExt) ? 2 : 0));
}
