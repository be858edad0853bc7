using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Sessions;

/// <content>Name lookups and node operations.</content>
public abstract partial class FuseFileSystem
{
    /// <summary>Looks up <paramref name="name"/> in the directory <c>request.NodeId</c>; answer with <see cref="FuseReplySink.Entry"/> (each successful entry counts one lookup, undone by FORGET).</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Lookup(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Gets attributes; answer with <see cref="FuseReplySink.Attr"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Getattr(in FuseRequest request, in FuseGetattrIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Sets the attributes <c>arg.Valid</c> (FATTR_*) names; answer with <see cref="FuseReplySink.Attr"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Setattr(in FuseRequest request, in FuseSetattrIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Reads a symbolic link; answer with <see cref="FuseReplySink.Data"/> (the target, no NUL).</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Readlink(in FuseRequest request, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Creates the symbolic link <paramref name="name"/> to <paramref name="target"/>; answer with an entry.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="target">The link target.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Symlink(in FuseRequest request, ReadOnlySpan<byte> name, ReadOnlySpan<byte> target, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Creates a node; answer with an entry.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Mknod(in FuseRequest request, in FuseMknodIn arg, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Creates a directory; answer with an entry.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Mkdir(in FuseRequest request, in FuseMkdirIn arg, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Removes a file; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Unlink(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Removes a directory; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Rmdir(in FuseRequest request, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Renames (RENAME, or RENAME2 with RENAME_NOREPLACE / RENAME_EXCHANGE flags); answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="newDirectory">The new parent directory.</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="flags">RENAME_* flags (0 for RENAME).</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Rename(in FuseRequest request, ulong newDirectory, ReadOnlySpan<byte> name, ReadOnlySpan<byte> newName, RenameFlags flags, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Creates a hard link to <c>arg.OldNodeId</c> named <paramref name="newName"/> in <c>request.NodeId</c>; answer with an entry.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="newName">The new name.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Link(in FuseRequest request, in FuseLinkIn arg, ReadOnlySpan<byte> newName, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Checks access (R_OK, W_OK, X_OK); answer with <see cref="FuseReplySink.Ok"/> or EACCES. ENOSYS makes the kernel stop asking.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Access(in FuseRequest request, in FuseAccessIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Creates and opens a file; answer with <see cref="FuseReplySink.Create"/>. ENOSYS makes the kernel use MKNOD and OPEN instead.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="name">The name, UTF-8, no NUL.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Create(in FuseRequest request, in FuseCreateIn arg, ReadOnlySpan<byte> name, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Creates an unnamed temporary file in <c>request.NodeId</c>; answer with <see cref="FuseReplySink.Create"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Tmpfile(in FuseRequest request, in FuseCreateIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Gets extended attributes (statx); answer with <see cref="FuseReplySink.Statx"/>. ENOSYS makes the kernel use GETATTR.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Statx(in FuseRequest request, in FuseStatxIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);
}
