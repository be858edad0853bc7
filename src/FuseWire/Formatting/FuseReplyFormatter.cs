using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Formatting;

/// <summary>Writes a reply line: <c>reply unique=N</c>, then the error, or the reply's kind and fields as decided by the request's opcode.</summary>
internal static class FuseReplyFormatter
{
    /// <summary>Renders a decoded reply.</summary>
    /// <param name="reply">The reply.</param>
    /// <param name="context">The request it answers.</param>
    /// <returns>The line.</returns>
    public static string Format(in FuseReply reply, in FuseReplyContext context)
    {
        FuseLineWriter w = new();
        Write(w, reply, context);
        return w.ToString();
    }

    /// <summary>Writes a decoded reply's line.</summary>
    /// <param name="w">The line.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="context">The request it answers.</param>
    public static void Write(FuseLineWriter w, in FuseReply reply, in FuseReplyContext context)
    {
        w.Word("reply");
        w.Field("unique", reply.Unique);
        if (reply.IsError)
        {
            string? name = FuseNames.TryGetErrnoName(reply.Errno);
            if (name is null)
            {
                w.Signed("error", -(long)reply.Errno);
            }
            else
            {
                w.Symbol("error", "-", name);
            }

            return;
        }

        if (!Fixed(w, reply, context.Opcode) && !FuseReplyDataFormatter.TryFormat(w, reply, context))
        {
            w.Word("ok");
            Extra(w, reply.Argument.Length + reply.Argument2.Length + reply.Data.Length);
        }
    }

    /// <summary>Writes <c>extra=&lt;N bytes&gt;</c> for bytes a lenient parse let through after a reply's fixed part.</summary>
    /// <param name="w">The line.</param>
    /// <param name="length">The number of extra bytes.</param>
    public static void Extra(FuseLineWriter w, int length)
    {
        if (length != 0)
        {
            w.Size("extra", length);
        }
    }

    private static bool Fixed(FuseLineWriter w, in FuseReply reply, FuseOpcode opcode)
    {
        switch (opcode)
        {
            case FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link:
                w.Word("ENTRY");
                FuseStructFormatter.Entry(w, reply.GetArgument<FuseEntryOut>());
                break;
            case FuseOpcode.Create or FuseOpcode.Tmpfile:
                w.Word("CREATE");
                FuseStructFormatter.Entry(w, reply.GetArgument<FuseEntryOut>());
                FuseStructFormatter.Open(w, reply.GetArgument2<FuseOpenOut>());
                break;
            case FuseOpcode.Getattr or FuseOpcode.Setattr:
                w.Word("ATTR");
                FuseAttrOut attr = reply.GetArgument<FuseAttrOut>();
                w.Time("attr_valid", (long)attr.AttrValid, attr.AttrValidNsec);
                FuseStructFormatter.Attr(w, "attr", attr.Attr);
                break;
            case FuseOpcode.Open or FuseOpcode.Opendir:
                w.Word("OPEN");
                FuseStructFormatter.Open(w, reply.GetArgument<FuseOpenOut>());
                break;
            case FuseOpcode.Write or FuseOpcode.CopyFileRange:
                w.Word("WRITE");
                w.Field("size", reply.GetArgument<FuseWriteOut>().Size);
                break;
            case FuseOpcode.Statfs:
                w.Word("STATFS");
                FuseStructFormatter.Statfs(w, reply.GetArgument<FuseStatfsOut>().St);
                break;
            case FuseOpcode.Init:
                w.Word("INIT");
                FuseInitReplyFormatter.Format(w, reply.GetArgument<FuseInitOut>(), reply.Argument.Length);
                break;
            case FuseOpcode.Getlk:
                w.Word("LK");
                FuseStructFormatter.Lock(w, "lk", reply.GetArgument<FuseLkOut>().Lk);
                break;
            case FuseOpcode.Bmap:
                w.Word("BMAP");
                w.Field("block", reply.GetArgument<FuseBmapOut>().Block);
                break;
            case FuseOpcode.Poll:
                w.Word("POLL");
                w.Hex("revents", reply.GetArgument<FusePollOut>().REvents);
                break;
            case FuseOpcode.Lseek:
                w.Word("LSEEK");
                w.Field("offset", reply.GetArgument<FuseLseekOut>().Offset);
                break;
            case FuseOpcode.CopyFileRange64:
                w.Word("COPY_FILE_RANGE_64");
                w.Field("bytes_copied", reply.GetArgument<FuseCopyFileRangeOut>().BytesCopied);
                break;
            case FuseOpcode.Statx:
                w.Word("STATX");
                FuseStatxOut statx = reply.GetArgument<FuseStatxOut>();
                w.Time("attr_valid", (long)statx.AttrValid, statx.AttrValidNsec);
                w.Hex("flags", statx.Flags);
                FuseStructFormatter.Statx(w, "stat", statx.Stat);
                break;
            default:
                return false;
        }

        Extra(w, reply.Data.Length);
        return true;
    }
}
