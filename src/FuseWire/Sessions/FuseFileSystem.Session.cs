using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Sessions;

/// <content>The session's lifecycle and the file system as a whole.</content>
public abstract partial class FuseFileSystem
{
    /// <summary>File-system statistics; answer with <see cref="FuseReplySink.Statfs"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Statfs(in FuseRequest request, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Synchronises the whole file system; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Syncfs(in FuseRequest request, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Sets up a DAX mapping (virtiofs); answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Setupmapping(in FuseRequest request, in FuseSetupmappingIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Removes DAX mappings (virtiofs); answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="ranges">The ranges.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Removemapping(in FuseRequest request, ReadOnlySpan<FuseRemovemappingOne> ranges, FuseReplySink reply) => reply.Error(Errno.ENOSYS);
}
