using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Formatting;

/// <summary>Writes the arguments of session-level requests: INIT, CUSE_INIT, FORGET, BATCH_FORGET, INTERRUPT, NOTIFY_REPLY, DAX mappings, ...</summary>
internal static class FuseSessionRequestFormatter
{
    /// <summary>Writes the request's argument fields when its opcode is one of this group's.</summary>
    /// <param name="w">The line.</param>
    /// <param name="request">The request.</param>
    /// <returns>False when the opcode belongs to another group.</returns>
    public static bool TryFormat(FuseLineWriter w, in FuseRequest request)
    {
        switch (request.Opcode)
        {
            case FuseOpcode.Init:
                Init(w, request);
                return true;
            case FuseOpcode.CuseInit:
                CuseInitIn cuse = request.GetArgument<CuseInitIn>();
                w.Pair("version", cuse.Major, '.', cuse.Minor);
                w.Flags("flags", cuse.Flags, FuseFlagTable.Cuse);
                return true;
            case FuseOpcode.Forget:
                w.Field("nlookup", request.GetArgument<FuseForgetIn>().NLookup);
                return true;
            case FuseOpcode.BatchForget:
                BatchForget(w, request.GetArgument<FuseBatchForgetIn>().Count, request.Forgets);
                return true;
            case FuseOpcode.Interrupt:
                w.Field("target", request.GetArgument<FuseInterruptIn>().Unique);
                return true;
            case FuseOpcode.NotifyReply:
                FuseNotifyRetrieveIn retrieve = request.GetArgument<FuseNotifyRetrieveIn>();
                w.Field("offset", retrieve.Offset);
                w.Field("size", retrieve.Size);
                w.Size("data", request.Data.Length);
                return true;
            case FuseOpcode.Destroy or FuseOpcode.Statfs or FuseOpcode.Syncfs:
                return true;
            case FuseOpcode.Setupmapping:
                FuseSetupmappingIn setup = request.GetArgument<FuseSetupmappingIn>();
                w.Field("fh", setup.Fh);
                w.Field("foffset", setup.FOffset);
                w.Field("len", setup.Len);
                w.Flags("flags", setup.Flags, FuseFlagTable.Setupmapping);
                w.Field("moffset", setup.MOffset);
                return true;
            case FuseOpcode.Removemapping:
                RemoveMappings(w, request.GetArgument<FuseRemovemappingIn>().Count, request.RemoveMappings);
                return true;
            default:
                return false;
        }
    }

    private static void Init(FuseLineWriter w, in FuseRequest request)
    {
        FuseInitIn init = request.GetArgument<FuseInitIn>();
        w.Pair("version", init.Major, '.', init.Minor);
        w.Field("max_readahead", init.MaxReadahead);
        ulong flags = init.Flags | ((ulong)init.Flags2 << 32);
        w.Flags("flags", flags, FuseFlagTable.Init);
    }

    private static void BatchForget(FuseLineWriter w, uint count, ReadOnlySpan<FuseForgetOne> forgets)
    {
        w.Field("count", count);
        w.BeginList("forgets");
        for (int i = 0; i < forgets.Length && i < FuseLineWriter.ListLimit; i++)
        {
            w.BeginItem();
            w.Field("nodeid", forgets[i].NodeId);
            w.Field("nlookup", forgets[i].NLookup);
            w.EndGroup();
        }

        if (forgets.Length > FuseLineWriter.ListLimit)
        {
            w.Ellipsis();
        }

        w.EndList();
    }

    private static void RemoveMappings(FuseLineWriter w, uint count, ReadOnlySpan<FuseRemovemappingOne> mappings)
    {
        w.Field("count", count);
        w.BeginList("mappings");
        for (int i = 0; i < mappings.Length && i < FuseLineWriter.ListLimit; i++)
        {
            w.BeginItem();
            w.Field("moffset", mappings[i].MOffset);
            w.Field("len", mappings[i].Len);
            w.EndGroup();
        }

        if (mappings.Length > FuseLineWriter.ListLimit)
        {
            w.Ellipsis();
        }

        w.EndList();
    }
}
