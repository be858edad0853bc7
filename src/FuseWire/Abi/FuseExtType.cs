namespace FuseWire.Abi;

/// <summary>
/// The type of a request extension (<see cref="FuseExtHeader"/>): the kernel's <c>enum fuse_ext_type</c>.
/// </summary>
/// <remarks>Extensions follow the arguments of a request; <c>total_extlen</c> of <see cref="FuseInHeader"/> counts them in 8-byte units.</remarks>
public enum FuseExtType : uint
{
    /// <summary><c>FUSE_MAX_NR_SECCTX</c>: Security contexts (types 0 to 31 are reserved for them).</summary>
    MaxNrSecctx = 31,

    /// <summary><c>FUSE_EXT_GROUPS</c>: Supplementary groups (<see cref="FuseSuppGroups"/>, 7.38).</summary>
    ExtGroups = 32,
}
