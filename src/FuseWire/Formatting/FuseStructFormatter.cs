using FuseWire.Abi;

namespace FuseWire.Formatting;

/// <summary>Writes the structs shared by several frames: attributes, entries, open handles, locks, statfs and statx.</summary>
internal static class FuseStructFormatter
{
    /// <summary>Writes <c>name={ino=.. mode=0100644 ...}</c> from a <c>fuse_attr</c>.</summary>
    /// <param name="w">The line.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="attr">The attributes.</param>
    public static void Attr(FuseLineWriter w, string name, in FuseAttr attr)
    {
        w.BeginGroup(name);
        w.Field("ino", attr.Ino);
        w.Octal("mode", attr.Mode);
        w.Field("nlink", attr.NLink);
        w.Field("uid", attr.Uid);
        w.Field("gid", attr.Gid);
        w.Field("rdev", attr.Rdev);
        w.Field("size", attr.Size);
        w.Field("blocks", attr.Blocks);
        w.Field("blksize", attr.BlkSize);
        w.Time("atime", (long)attr.ATime, attr.ATimeNsec);
        w.Time("mtime", (long)attr.MTime, attr.MTimeNsec);
        w.Time("ctime", (long)attr.CTime, attr.CTimeNsec);
        w.Flags("flags", attr.Flags, FuseFlagTable.Attr);
        w.EndGroup();
    }

    /// <summary>Writes the fields of a <c>fuse_entry_out</c>.</summary>
    /// <param name="w">The line.</param>
    /// <param name="entry">The entry.</param>
    public static void Entry(FuseLineWriter w, in FuseEntryOut entry)
    {
        w.Field("nodeid", entry.NodeId);
        w.Field("generation", entry.Generation);
        w.Time("entry_valid", (long)entry.EntryValid, entry.EntryValidNsec);
        w.Time("attr_valid", (long)entry.AttrValid, entry.AttrValidNsec);
        Attr(w, "attr", entry.Attr);
    }

    /// <summary>Writes the fields of a <c>fuse_open_out</c>.</summary>
    /// <param name="w">The line.</param>
    /// <param name="open">The handle.</param>
    public static void Open(FuseLineWriter w, in FuseOpenOut open)
    {
        w.Field("fh", open.Fh);
        w.Flags("open_flags", open.OpenFlags, FuseFlagTable.Fopen);
        w.Signed("backing_id", open.BackingId);
    }

    /// <summary>Writes <c>name={start=.. end=.. type=F_WRLCK pid=..}</c> from a <c>fuse_file_lock</c>.</summary>
    /// <param name="w">The line.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="lk">The lock.</param>
    public static void Lock(FuseLineWriter w, string name, in FuseFileLock lk)
    {
        w.BeginGroup(name);
        w.Field("start", lk.Start);
        w.Field("end", lk.End);
        switch (lk.Type)
        {
            case 0:
                w.Symbol("type", "F_RDLCK");
                break;
            case 1:
                w.Symbol("type", "F_WRLCK");
                break;
            case 2:
                w.Symbol("type", "F_UNLCK");
                break;
            default:
                w.Field("type", lk.Type);
                break;
        }

        w.Field("pid", lk.Pid);
        w.EndGroup();
    }

    /// <summary>Writes the fields of a <c>fuse_kstatfs</c>.</summary>
    /// <param name="w">The line.</param>
    /// <param name="st">The statistics.</param>
    public static void Statfs(FuseLineWriter w, in FuseKstatfs st)
    {
        w.Field("blocks", st.Blocks);
        w.Field("bfree", st.BFree);
        w.Field("bavail", st.BAvail);
        w.Field("files", st.Files);
        w.Field("ffree", st.FFree);
        w.Field("bsize", st.BSize);
        w.Field("namelen", st.NameLen);
        w.Field("frsize", st.FrSize);
    }

    /// <summary>Writes <c>name={mask=.. ino=.. mode=.. ...}</c> from a <c>fuse_statx</c>.</summary>
    /// <param name="w">The line.</param>
    /// <param name="name">The group's name.</param>
    /// <param name="stat">The statx record.</param>
    public static void Statx(FuseLineWriter w, string name, in FuseStatx stat)
    {
        w.BeginGroup(name);
        w.Hex("mask", stat.Mask);
        w.Field("ino", stat.Ino);
        w.Octal("mode", stat.Mode);
        w.Field("nlink", stat.NLink);
        w.Field("uid", stat.Uid);
        w.Field("gid", stat.Gid);
        w.Field("size", stat.Size);
        w.Field("blocks", stat.Blocks);
        w.Field("blksize", stat.BlkSize);
        w.Hex("attributes", stat.Attributes);
        w.Hex("attributes_mask", stat.AttributesMask);
        w.Time("atime", stat.ATime.TvSec, stat.ATime.TvNsec);
        w.Time("btime", stat.BTime.TvSec, stat.BTime.TvNsec);
        w.Time("ctime", stat.CTime.TvSec, stat.CTime.TvNsec);
        w.Time("mtime", stat.MTime.TvSec, stat.MTime.TvNsec);
        w.Pair("rdev", stat.RdevMajor, ':', stat.RdevMinor);
        w.Pair("dev", stat.DevMajor, ':', stat.DevMinor);
        w.EndGroup();
    }
}
