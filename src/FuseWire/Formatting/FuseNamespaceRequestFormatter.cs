using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Formatting;

/// <summary>Writes the arguments of requests about names and attributes: LOOKUP, MKNOD, RENAME, SETATTR, the xattr calls, ...</summary>
internal static class FuseNamespaceRequestFormatter
{
    /// <summary>Writes the request's argument fields when its opcode is one of this group's.</summary>
    /// <param name="w">The line.</param>
    /// <param name="request">The request.</param>
    /// <returns>False when the opcode belongs to another group.</returns>
    public static bool TryFormat(FuseLineWriter w, in FuseRequest request)
    {
        switch (request.Opcode)
        {
            case FuseOpcode.Lookup or FuseOpcode.Unlink or FuseOpcode.Rmdir or FuseOpcode.Removexattr:
                w.Quoted("name", request.Name);
                return true;
            case FuseOpcode.Readlink:
                return true;
            case FuseOpcode.Symlink:
                w.Quoted("name", request.Name);
                w.Quoted("target", request.Name2);
                return true;
            case FuseOpcode.Mknod:
                FuseMknodIn mknod = request.GetArgument<FuseMknodIn>();
                w.Octal("mode", mknod.Mode);
                w.Hex("rdev", mknod.Rdev);
                w.Octal("umask", mknod.Umask);
                w.Quoted("name", request.Name);
                return true;
            case FuseOpcode.Mkdir:
                FuseMkdirIn mkdir = request.GetArgument<FuseMkdirIn>();
                w.Octal("mode", mkdir.Mode);
                w.Octal("umask", mkdir.Umask);
                w.Quoted("name", request.Name);
                return true;
            case FuseOpcode.Rename:
                w.Field("newdir", request.GetArgument<FuseRenameIn>().NewDir);
                w.Quoted("name", request.Name);
                w.Quoted("newname", request.Name2);
                return true;
            case FuseOpcode.Rename2:
                FuseRename2In rename2 = request.GetArgument<FuseRename2In>();
                w.Field("newdir", rename2.NewDir);
                w.Flags("flags", rename2.Flags, FuseFlagTable.Rename);
                w.Quoted("name", request.Name);
                w.Quoted("newname", request.Name2);
                return true;
            case FuseOpcode.Link:
                w.Field("oldnodeid", request.GetArgument<FuseLinkIn>().OldNodeId);
                w.Quoted("name", request.Name);
                return true;
            case FuseOpcode.Create or FuseOpcode.Tmpfile:
                FuseCreateIn create = request.GetArgument<FuseCreateIn>();
                w.Hex("flags", create.Flags);
                w.Octal("mode", create.Mode);
                w.Octal("umask", create.Umask);
                w.Flags("open_flags", create.OpenFlags, FuseFlagTable.OpenIn);
                w.Quoted("name", request.Name);
                return true;
            case FuseOpcode.Access:
                uint mask = request.GetArgument<FuseAccessIn>().Mask;
                if (mask == 0)
                {
                    w.Symbol("mask", "F_OK");
                }
                else
                {
                    w.Flags("mask", mask, FuseFlagTable.Access);
                }

                return true;
            case FuseOpcode.Getattr:
                FuseGetattrIn getattr = request.GetArgument<FuseGetattrIn>();
                w.Flags("getattr_flags", getattr.GetattrFlags, FuseFlagTable.Getattr);
                w.Field("fh", getattr.Fh);
                return true;
            case FuseOpcode.Setattr:
                Setattr(w, request.GetArgument<FuseSetattrIn>());
                return true;
            case FuseOpcode.Statx:
                FuseStatxIn statx = request.GetArgument<FuseStatxIn>();
                w.Flags("getattr_flags", statx.GetattrFlags, FuseFlagTable.Getattr);
                w.Field("fh", statx.Fh);
                w.Hex("sx_flags", statx.SxFlags);
                w.Hex("sx_mask", statx.SxMask);
                return true;
            case FuseOpcode.Setxattr:
                FuseSetxattrIn setxattr = request.GetArgument<FuseSetxattrIn>();
                w.Field("size", setxattr.Size);
                w.Hex("flags", setxattr.Flags);
                w.Flags("setxattr_flags", setxattr.SetxattrFlags, FuseFlagTable.Setxattr);
                w.Quoted("name", request.Name);
                w.Preview("value", request.Data);
                return true;
            case FuseOpcode.Getxattr:
                w.Field("size", request.GetArgument<FuseGetxattrIn>().Size);
                w.Quoted("name", request.Name);
                return true;
            case FuseOpcode.Listxattr:
                w.Field("size", request.GetArgument<FuseGetxattrIn>().Size);
                return true;
            default:
                return false;
        }
    }

    private static void Setattr(FuseLineWriter w, in FuseSetattrIn arg)
    {
        FattrFlags valid = (FattrFlags)arg.Valid;
        w.Flags("valid", arg.Valid, FuseFlagTable.Fattr);
        if ((valid & FattrFlags.Fh) != 0)
        {
            w.Field("fh", arg.Fh);
        }

        if ((valid & FattrFlags.Mode) != 0)
        {
            w.Octal("mode", arg.Mode);
        }

        if ((valid & FattrFlags.Uid) != 0)
        {
            w.Field("uid", arg.Uid);
        }

        if ((valid & FattrFlags.Gid) != 0)
        {
            w.Field("gid", arg.Gid);
        }

        if ((valid & FattrFlags.Size) != 0)
        {
            w.Field("size", arg.Size);
        }

        if ((valid & FattrFlags.LockOwner) != 0)
        {
            w.Hex("lock_owner", arg.LockOwner);
        }

        if ((valid & FattrFlags.Atime) != 0)
        {
            w.Time("atime", (long)arg.ATime, arg.ATimeNsec);
        }

        if ((valid & FattrFlags.Mtime) != 0)
        {
            w.Time("mtime", (long)arg.MTime, arg.MTimeNsec);
        }

        if ((valid & FattrFlags.Ctime) != 0)
        {
            w.Time("ctime", (long)arg.CTime, arg.CTimeNsec);
        }
    }
}
