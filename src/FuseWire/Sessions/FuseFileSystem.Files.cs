using System;
using FuseWire.Abi;
using FuseWire.Codec;

namespace FuseWire.Sessions;

/// <content>Open files.</content>
public abstract partial class FuseFileSystem
{
    /// <summary>Opens a file; answer with <see cref="FuseReplySink.Open"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Open(in FuseRequest request, in FuseOpenIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Reads up to <c>arg.Size</c> bytes at <c>arg.Offset</c>; answer with <see cref="FuseReplySink.Data"/>, or fill <see cref="FuseReplySink.GetDataBuffer"/> and <see cref="FuseReplySink.CommitData"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Read(in FuseRequest request, in FuseReadIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Writes <paramref name="data"/> at <c>arg.Offset</c>; answer with <see cref="FuseReplySink.Written"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="data">The data to write.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Write(in FuseRequest request, in FuseWriteIn arg, ReadOnlySpan<byte> data, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Called on each close(2) of a descriptor; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Flush(in FuseRequest request, in FuseFlushIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Called when the last descriptor of an open file is closed; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers success.</remarks>
    public virtual void Release(in FuseRequest request, in FuseReleaseIn arg, FuseReplySink reply) => reply.Ok();

    /// <summary>Synchronises a file; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Fsync(in FuseRequest request, in FuseFsyncIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Allocates or punches space; answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Fallocate(in FuseRequest request, in FuseFallocateIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Finds data or a hole (SEEK_DATA, SEEK_HOLE); answer with <see cref="FuseReplySink.Lseek"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Lseek(in FuseRequest request, in FuseLseekIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Copies a range between files (COPY_FILE_RANGE and COPY_FILE_RANGE_64); answer with <see cref="FuseReplySink.Copied"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void CopyFileRange(in FuseRequest request, in FuseCopyFileRangeIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Tests for a lock; answer with <see cref="FuseReplySink.Lock"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Getlk(in FuseRequest request, in FuseLkIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Acquires or releases a lock (SETLK, or SETLKW when <paramref name="wait"/>); answer with <see cref="FuseReplySink.Ok"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="wait">Whether to wait for a conflicting lock (SETLKW).</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Setlk(in FuseRequest request, in FuseLkIn arg, bool wait, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Maps a block (block devices only); answer with <see cref="FuseReplySink.Bmap"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Bmap(in FuseRequest request, in FuseBmapIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>An ioctl; answer with <see cref="FuseReplySink.Ioctl"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="input">The ioctl's input.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Ioctl(in FuseRequest request, in FuseIoctlIn arg, ReadOnlySpan<byte> input, FuseReplySink reply) => reply.Error(Errno.ENOSYS);

    /// <summary>Polls for events; answer with <see cref="FuseReplySink.Poll"/>, and later notify with <see cref="FuseSession.NotifyPoll"/>.</summary>
    /// <param name="request">The request (header, argument, names).</param>
    /// <param name="arg">The request's argument.</param>
    /// <param name="reply">Where the answer goes.</param>
    /// <remarks>The default answers ENOSYS.</remarks>
    public virtual void Poll(in FuseRequest request, in FusePollIn arg, FuseReplySink reply) => reply.Error(Errno.ENOSYS);
}
