using FuseWire.Abi;

namespace FuseWire.Formatting;

/// <summary>Writes the fields of INIT's reply that its size carries: 8 bytes before 7.5, 24 before 7.23, 64 since.</summary>
internal static class FuseInitReplyFormatter
{
    /// <summary>Writes <c>version=7.45 max_readahead=.. flags=.. ...</c>.</summary>
    /// <param name="w">The line.</param>
    /// <param name="init">The reply, zero-extended.</param>
    /// <param name="wireLength">The bytes the reply carried.</param>
    public static void Format(FuseLineWriter w, in FuseInitOut init, int wireLength)
    {
        w.Pair("version", init.Major, '.', init.Minor);
        if (wireLength < FuseConstants.Compat22InitOutSize)
        {
            return;
        }

        bool extended = wireLength >= FuseInitOut.StructSize;
        w.Field("max_readahead", init.MaxReadahead);
        ulong flags = init.Flags | (extended ? (ulong)init.Flags2 << 32 : 0);
        w.Flags("flags", flags, FuseFlagTable.Init);
        w.Field("max_background", init.MaxBackground);
        w.Field("congestion_threshold", init.CongestionThreshold);
        w.Field("max_write", init.MaxWrite);
        if (!extended)
        {
            return;
        }

        w.Field("time_gran", init.TimeGran);
        w.Field("max_pages", init.MaxPages);
        w.Field("map_alignment", init.MapAlignment);
        w.Field("max_stack_depth", init.MaxStackDepth);
        w.Field("request_timeout", init.RequestTimeout);
    }
}
