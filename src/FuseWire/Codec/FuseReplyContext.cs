using System.Runtime.InteropServices;
using FuseWire.Abi;

namespace FuseWire.Codec;

/// <summary>
/// What a reply decoder needs to know of the request a reply answers: its opcode, its unique and the size it asked for.
/// </summary>
/// <param name="Opcode">The request's opcode.</param>
/// <param name="Unique">The request's unique.</param>
/// <param name="RequestedSize">The size the request asked for: READ, READDIR(PLUS), GETXATTR, LISTXATTR size, IOCTL out_size; 0 otherwise.</param>
public readonly record struct FuseReplyContext(FuseOpcode Opcode, ulong Unique, uint RequestedSize = 0)
{
    /// <summary>Derives the context from a decoded request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The context its reply is checked against.</returns>
    public static FuseReplyContext For(in FuseRequest request)
    {
        System.ReadOnlySpan<byte> arg = request.Argument;
        uint size = request.Opcode switch
        {
            FuseOpcode.Read or FuseOpcode.Readdir or FuseOpcode.Readdirplus => MemoryMarshal.Read<uint>(arg[16..]),
            FuseOpcode.Getxattr or FuseOpcode.Listxattr => MemoryMarshal.Read<uint>(arg),
            FuseOpcode.Ioctl => MemoryMarshal.Read<uint>(arg[28..]),
            _ => 0,
        };
        return new FuseReplyContext(request.Opcode, request.Unique, size);
    }
}
