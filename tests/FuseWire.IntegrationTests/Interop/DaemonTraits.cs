namespace FuseWire.IntegrationTests.Interop;

/// <summary>Where the two daemons honestly differ.</summary>
/// <param name="RealInodes">Attributes carry the real files' inode numbers (passthrough_ll); sshfs numbers its own.</param>
/// <param name="ReaddirplusNodeIds">READDIRPLUS entries carry node ids (and so take lookups).</param>
public sealed record DaemonTraits(bool RealInodes, bool ReaddirplusNodeIds);
