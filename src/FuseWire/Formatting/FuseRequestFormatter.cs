using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Formatting;

/// <summary>Writes a request line: opcode, unique, nodeid, the argument's fields and a summary of the extensions.</summary>
internal static class FuseRequestFormatter
{
    /// <summary>Renders a decoded request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The line.</returns>
    public static string Format(in FuseRequest request)
    {
        FuseLineWriter w = new();
        Write(w, request);
        return w.ToString();
    }

    /// <summary>Writes a decoded request's line.</summary>
    /// <param name="w">The line.</param>
    /// <param name="request">The request.</param>
    public static void Write(FuseLineWriter w, in FuseRequest request)
    {
        w.Word(FuseNames.OpcodeName(request.Opcode));
        w.Field("unique", request.Unique);
        w.Field("nodeid", request.NodeId);
        if (!FuseNamespaceRequestFormatter.TryFormat(w, request)
            && !FuseIoRequestFormatter.TryFormat(w, request)
            && !FuseSessionRequestFormatter.TryFormat(w, request))
        {
            w.Size("arg", request.Argument.Length);
        }

        if (!request.Extensions.IsEmpty)
        {
            Extensions(w, request);
        }
    }

    private static void Extensions(FuseLineWriter w, in FuseRequest request)
    {
        foreach (FuseExtension extension in request.EnumerateExtensions())
        {
            if (extension.IsSecurityContext)
            {
                SecurityContexts(w, extension);
            }
            else if (extension.TryGetSupplementaryGroups(out ReadOnlySpan<uint> groups))
            {
                w.BeginList("groups");
                foreach (uint group in groups)
                {
                    w.Item(group);
                }

                w.EndList();
            }
            else
            {
                w.BeginGroup("ext");
                w.Field("type", extension.Type);
                w.Size("body", extension.Body.Length);
                w.EndGroup();
            }
        }
    }

    private static void SecurityContexts(FuseLineWriter w, in FuseExtension extension)
    {
        w.BeginList("secctx");
        foreach (FuseSecurityContext context in extension.EnumerateSecurityContexts())
        {
            w.BeginItem();
            w.Quoted("name", context.Name);
            w.Preview("value", context.Value);
            w.EndGroup();
        }

        w.EndList();
    }
}
