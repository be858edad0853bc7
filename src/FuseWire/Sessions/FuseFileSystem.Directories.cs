using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Sessions;

/// <content>Open directories.</content>
public abstract partial class FuseFileSystem
{
    /// <summary>Opens a directory; answer with <see cref="FuseReplySink.Open"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Opendir(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Lists entries from offset <c>arg.Offset</c>; pack them with <see cref="FuseReplySink.GetDirentWriter"/> and <see cref="FuseReplySink.CommitData"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Readdir(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Lists entries with their attributes; as <see cref="Readdir"/>, with an entry per name (each counts one lookup, except . and ..).</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Readdirplus(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Closes a directory; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers success.</remarks>
    public virtual void Releasedir(in FuseRequest request, in FuseReleaseIn arg, FuseReplySink reply) => reply.Ok();

    /// <summary>Synchronises a directory; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Fsyncdir(in FuseRequest request, in FuseFsyncIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);
}
