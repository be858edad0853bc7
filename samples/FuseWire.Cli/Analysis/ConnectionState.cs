using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Cli.Analysis;

/// <summary>What the analyzer knows of one FUSE connection (one pcapng interface): its protocol, INIT exchange and outstanding requests.</summary>
internal sealed class ConnectionState
{
    /// <summary>Creates the state of a connection not yet initialised.</summary>
    /// <param name="protocol">The protocol assumed until an INIT exchange is seen.</param>
    public ConnectionState(FuseProtocol protocol)
    {
        Protocol = protocol;
    }

#pragma warning disable CA1051, SA1401 // A field, so that decoders can take it by reference and hand out views that outlive the call.

    /// <summary>The protocol that governs decoding now.</summary>
    public FuseProtocol Protocol;
#pragma warning restore CA1051, SA1401

    /// <summary>Requests awaiting replies.</summary>
    public FuseOutstandingRequests Outstanding { get; } = new(256, 256);

    /// <summary>When each outstanding request was captured (ns), for reply latencies.</summary>
    public Dictionary<ulong, long> StartTimes { get; } = new(256);

    /// <summary>The minor the kernel stated in INIT; 0 before INIT.</summary>
    public uint KernelMinor { get; set; }

    /// <summary>The flags the kernel offered in INIT.</summary>
    public FuseInitFlags OfferedFlags { get; set; }

    /// <summary>The minor the daemon stated in its INIT reply; 0 before it.</summary>
    public uint DaemonMinor { get; set; }

    /// <summary>Whether an INIT exchange has set <see cref="Protocol"/>.</summary>
    public bool Negotiated { get; set; }
}
