using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Sessions;

/// <content>Extended attributes.</content>
public abstract partial class FuseFileSystem
{
    /// <summary>Sets an extended attribute; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="value">The attribute's value.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Setxattr(in FuseRequest request, in FuseSetxattrIn arg, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Gets an extended attribute: with <c>arg.Size</c> 0 answer <see cref="FuseReplySink.XattrSize"/>, else the value with <see cref="FuseReplySink.Data"/> (ERANGE if larger).</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Getxattr(in FuseRequest request, in FuseGetxattrIn arg, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Lists extended attribute names (each NUL-terminated); sizes as in <see cref="Getxattr"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Listxattr(in FuseRequest request, in FuseGetxattrIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Removes an extended attribute; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Removexattr(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);
}
