using FuseWire.Abi;

namespace BenchFs;

/// <summary>The INIT values of spec §3.</summary>
internal static class BenchOptions
{
    /// <summary>Flags ON (when offered); everything else, INIT_EXT included, stays off.</summary>
    public const FuseInitFlags WantedFlags =
        FuseInitFlags.AsyncRead | FuseInitFlags.BigWrites | FuseInitFlags.MaxPages | FuseInitFlags.DoReaddirplus
        | FuseInitFlags.ParallelDirops | FuseInitFlags.AutoInvalData;

    public const uint MaxWrite = 1u << 20;

    /// <summary>Per-thread requests before the allocation probe starts measuring (override: BENCHFS_WARMUP).</summary>
    public const long DefaultWarmup = 20000;
}
