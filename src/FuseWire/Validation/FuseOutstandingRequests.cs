using System;
using System.Collections.Generic;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Validation;

/// <summary>
/// The requests sent and not yet answered, by unique, plus a short memory of the ones retired, so that a reply can be matched
/// and a duplicate reply, or a reply to FORGET, be told from a reply nobody asked for. Not thread-safe.
/// </summary>
public sealed class FuseOutstandingRequests
{
    private readonly Dictionary<ulong, FuseReplyContext> _pending;
    private readonly ulong[] _retiredUniques;
    private readonly FuseOpcode[] _retiredOpcodes;
    private int _retiredNext;

    /// <summary>Creates an empty table.</summary>
    /// <param name="capacity">Expected concurrent requests (the table grows past it).</param>
    /// <param name="retiredMemory">How many retired uniques to remember for duplicate detection.</param>
    public FuseOutstandingRequests(int capacity = 64, int retiredMemory = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retiredMemory);
        _pending = new Dictionary<ulong, FuseReplyContext>(capacity);
        _retiredUniques = new ulong[retiredMemory];
        _retiredOpcodes = new FuseOpcode[retiredMemory];
    }

    /// <summary>The number of requests awaiting a reply.</summary>
    public int Count => _pending.Count;

    /// <summary>Records a request sent. FORGET, BATCH_FORGET and NOTIFY_REPLY are remembered as retired at once: they get no reply.</summary>
    /// <param name="context">The request.</param>
    /// <returns>False when the unique is 0 or already outstanding.</returns>
    public bool TryAdd(in FuseReplyContext context)
    {
        if (context.Unique == 0)
        {
            return false;
        }

        if (FuseRequestLayout.IsNoReply(context.Opcode))
        {
            Retire(context.Unique, context.Opcode);
            return true;
        }

        return _pending.TryAdd(context.Unique, context);
    }

    /// <summary>Finds and removes the request a reply answers.</summary>
    /// <param name="unique">The reply's unique.</param>
    /// <param name="context">The request, when found.</param>
    /// <param name="rule">When not found: <see cref="FuseProtocolRule.DuplicateReply"/>, <see cref="FuseProtocolRule.ReplyToNoReplyOpcode"/> or <see cref="FuseProtocolRule.UniqueNotOutstanding"/>.</param>
    /// <returns>True when the request was outstanding.</returns>
    public bool TryTake(ulong unique, out FuseReplyContext context, out FuseProtocolRule rule)
    {
        if (_pending.Remove(unique, out context))
        {
            Retire(unique, context.Opcode);
            rule = FuseProtocolRule.None;
            return true;
        }

        rule = FuseProtocolRule.UniqueNotOutstanding;
        int index = Array.IndexOf(_retiredUniques, unique);
        if (unique != 0 && index >= 0)
        {
            context = new FuseReplyContext(_retiredOpcodes[index], unique);
            rule = FuseRequestLayout.IsNoReply(context.Opcode) ? FuseProtocolRule.ReplyToNoReplyOpcode : FuseProtocolRule.DuplicateReply;
        }

        return false;
    }

    /// <summary>Removes a request without a reply (cancelled, or the connection closed).</summary>
    /// <param name="unique">The request's unique.</param>
    /// <returns>True when it was outstanding.</returns>
    public bool Remove(ulong unique) => _pending.Remove(unique);

    private void Retire(ulong unique, FuseOpcode opcode)
    {
        _retiredUniques[_retiredNext] = unique;
        _retiredOpcodes[_retiredNext] = opcode;
        _retiredNext = (_retiredNext + 1) % _retiredUniques.Length;
    }
}
