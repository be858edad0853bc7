using System;
using BenchmarkDotNet.Attributes;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;

namespace FuseWire.Benchmarks;

/// <summary>Validating replies from a daemon against the request they answer: header, unique, error range, payload size per opcode and minor.</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ValidateBenchmarks
{
    private readonly FuseProtocol _protocol = FuseProtocol.Latest;
    private readonly FuseReplyContext _lookup = new(FuseOpcode.Lookup, Frames.Unique);
    private readonly FuseReplyContext _getattr = new(FuseOpcode.Getattr, Frames.Unique);
    private byte[] _entryReply = [];
    private byte[] _attrReply = [];

    /// <summary>Builds the replies.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _entryReply = Frames.EntryReply();
        _attrReply = Frames.AttrReply();
        if (!ValidateEntry() || !ValidateAttr() || TryParseEntry() != Frames.NodeId)
        {
            throw new InvalidOperationException("The benchmark replies must be valid, or the error path is measured instead.");
        }
    }

    /// <summary>A valid ENTRY reply to LOOKUP.</summary>
    /// <returns>Whether it is valid.</returns>
    [Benchmark]
    public bool ValidateEntry() => FuseReplyValidator.Validate(_entryReply, _lookup, _protocol).IsValid;

    /// <summary>A valid ATTR reply to GETATTR.</summary>
    /// <returns>Whether it is valid.</returns>
    [Benchmark]
    public bool ValidateAttr() => FuseReplyValidator.Validate(_attrReply, _getattr, _protocol).IsValid;

    /// <summary>Decoding (and so validating) an ENTRY reply, then reading its node id.</summary>
    /// <returns>The node id, or 0 when invalid.</returns>
    [Benchmark]
    public ulong TryParseEntry() =>
        FuseReply.TryParse(_entryReply, _lookup, _protocol, FuseReplyStrictness.Lenient, out FuseReply reply, out _)
            ? reply.GetArgument<FuseEntryOut>().NodeId
            : 0;
}
