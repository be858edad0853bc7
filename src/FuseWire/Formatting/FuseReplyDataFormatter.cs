using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Formatting;

/// <summary>Writes replies that carry variable data: READ, READLINK, the xattr calls, directory listings, IOCTL and CUSE_INIT.</summary>
internal static class FuseReplyDataFormatter
{
    /// <summary>Writes the reply's kind and fields when its opcode is one of this group's.</summary>
    /// <param name="w">The line.</param>
    /// <param name="reply">The reply.</param>
    /// <param name="context">The request it answers.</param>
    /// <returns>False when the opcode belongs to another group.</returns>
    public static bool TryFormat(FuseLineWriter w, in FuseReply reply, in FuseReplyContext context)
    {
        switch (context.Opcode)
        {
            case FuseOpcode.Read:
                w.Word("DATA");
                w.Size("data", reply.Data.Length);
                return true;
            case FuseOpcode.Readlink:
                w.Word("DATA");
                w.Quoted("target", reply.Data);
                return true;
            case FuseOpcode.Getxattr or FuseOpcode.Listxattr when context.RequestedSize == 0:
                w.Word("XATTR");
                w.Field("size", reply.GetArgument<FuseGetxattrOut>().Size);
                FuseReplyFormatter.Extra(w, reply.Data.Length);
                return true;
            case FuseOpcode.Getxattr:
                w.Word("DATA");
                w.Preview("value", reply.Data);
                return true;
            case FuseOpcode.Listxattr:
                w.Word("DATA");
                Strings(w, "names", reply.Data);
                return true;
            case FuseOpcode.Readdir or FuseOpcode.Readdirplus:
                Dirents(w, reply, context.Opcode == FuseOpcode.Readdirplus);
                return true;
            case FuseOpcode.Ioctl:
                w.Word("IOCTL");
                FuseIoctlOut ioctl = reply.GetArgument<FuseIoctlOut>();
                w.Signed("result", ioctl.Result);
                w.Flags("flags", ioctl.Flags, FuseFlagTable.Ioctl);
                w.Field("in_iovs", ioctl.InIovs);
                w.Field("out_iovs", ioctl.OutIovs);
                w.Preview("data", reply.Data);
                return true;
            case FuseOpcode.CuseInit:
                w.Word("CUSE_INIT");
                CuseInitOut cuse = reply.GetArgument<CuseInitOut>();
                w.Pair("version", cuse.Major, '.', cuse.Minor);
                w.Flags("flags", cuse.Flags, FuseFlagTable.Cuse);
                w.Field("max_read", cuse.MaxRead);
                w.Field("max_write", cuse.MaxWrite);
                w.Pair("dev", cuse.DevMajor, ':', cuse.DevMinor);
                Strings(w, "info", reply.Data);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <c>name=["a" "b"]</c> from NUL-separated strings (a final NUL is optional), at most <see cref="FuseLineWriter.ListLimit"/> of them.</summary>
    private static void Strings(FuseLineWriter w, string name, ReadOnlySpan<byte> data)
    {
        w.BeginList(name);
        int count = 0;
        while (!data.IsEmpty)
        {
            int end = data.IndexOf((byte)0);
            ReadOnlySpan<byte> item = end < 0 ? data : data[..end];
            data = end < 0 ? default : data[(end + 1)..];
            if (count == FuseLineWriter.ListLimit)
            {
                w.Ellipsis();
                break;
            }

            w.QuotedItem(item);
            count++;
        }

        w.EndList();
    }

    private static void Dirents(FuseLineWriter w, in FuseReply reply, bool plus)
    {
        w.Word(plus ? "DIRENTPLUS" : "DIRENTS");
        int count = 0;
        FuseDirentEnumerator counter = reply.EnumerateDirents(plus);
        while (counter.MoveNext())
        {
            count++;
        }

        w.Field("count", (ulong)count);
        w.BeginList("names");
        int shown = 0;
        foreach (FuseDirentEntry entry in reply.EnumerateDirents(plus))
        {
            if (shown == FuseLineWriter.ListLimit)
            {
                w.Ellipsis();
                break;
            }

            w.QuotedItem(entry.Name);
            shown++;
        }

        w.EndList();
    }
}
