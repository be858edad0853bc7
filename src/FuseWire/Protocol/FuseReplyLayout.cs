using FuseWire.Abi;

namespace FuseWire.Protocol;

/// <summary>
/// The reply side of the protocol table: for the request a reply answers, the fixed size at the negotiated minor and what may follow.
/// </summary>
internal static class FuseReplyLayout
{
    /// <summary>Looks up the shape of a successful reply.</summary>
    /// <param name="opcode">The opcode of the request answered.</param>
    /// <param name="requestSize">The size the request asked for (GETXATTR/LISTXATTR: 0 asks for the size only).</param>
    /// <param name="protocol">The negotiated protocol.</param>
    /// <param name="replyMinor">For INIT: the minor the reply states.</param>
    /// <param name="shape">The shape.</param>
    /// <returns>False when the opcode never gets a reply or is unknown.</returns>
    public static bool TryGetShape(FuseOpcode opcode, uint requestSize, in FuseProtocol protocol, uint replyMinor, out FuseReplyShape shape)
    {
        shape = opcode switch
        {
            FuseOpcode.Lookup or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Symlink or FuseOpcode.Link
                => new(protocol.EntryOutSize, 0, FuseReplyData.None),
            FuseOpcode.Create or FuseOpcode.Tmpfile => new(protocol.EntryOutSize, FuseOpenOut.StructSize, FuseReplyData.None),
            FuseOpcode.Getattr or FuseOpcode.Setattr => new(protocol.AttrOutSize, 0, FuseReplyData.None),
            FuseOpcode.Readlink or FuseOpcode.Read => new(0, 0, FuseReplyData.Bytes),
            FuseOpcode.Open or FuseOpcode.Opendir => new(FuseOpenOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.Write or FuseOpcode.CopyFileRange => new(FuseWriteOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.Statfs => new(protocol.StatfsOutSize, 0, FuseReplyData.None),
            FuseOpcode.Getxattr or FuseOpcode.Listxattr => requestSize == 0
                ? new(FuseGetxattrOut.StructSize, 0, FuseReplyData.None)
                : new(0, 0, FuseReplyData.Bytes),
            FuseOpcode.Init => new(FuseProtocol.InitOutSize(replyMinor), 0, FuseReplyData.None),
            FuseOpcode.Getlk => new(FuseLkOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.Bmap => new(FuseBmapOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.Ioctl => new(FuseIoctlOut.StructSize, 0, FuseReplyData.IoctlOutput),
            FuseOpcode.Poll => new(FusePollOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.Readdir => new(0, 0, FuseReplyData.Dirents),
            FuseOpcode.Readdirplus => new(0, 0, FuseReplyData.Direntplus),
            FuseOpcode.Lseek => new(FuseLseekOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.CopyFileRange64 => new(FuseCopyFileRangeOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.Statx => new(FuseStatxOut.StructSize, 0, FuseReplyData.None),
            FuseOpcode.CuseInit => new(CuseInitOut.StructSize, 0, FuseReplyData.CuseInfo),
            _ => new(0, 0, FuseReplyData.None),
        };

        return !FuseRequestLayout.IsNoReply(opcode) && FuseRequestLayout.IsKnown(opcode);
    }

    /// <summary>The most data bytes a reply may carry after its fixed part; 0 means no stated limit.</summary>
    /// <param name="data">The data kind.</param>
    /// <param name="requestSize">The size the request asked for.</param>
    /// <returns>The limit, or 0.</returns>
    public static uint DataLimit(FuseReplyData data, uint requestSize) => data switch
    {
        FuseReplyData.CuseInfo => FuseConstants.CuseInitInfoMax,
        _ => requestSize,
    };
}
