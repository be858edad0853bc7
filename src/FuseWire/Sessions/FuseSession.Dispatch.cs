using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Validation;

namespace FuseWire.Sessions;

/// <content>Decoding a request and calling the file system's method for its opcode.</content>
public sealed partial class FuseSession
{
    private void Dispatch(FuseWorker worker, ReadOnlySpan<byte> frame)
    {
        _options.Observer?.Invoke(frame, true);
        FuseReplySink reply = worker.Reply;
        if (!FuseRequest.TryParse(frame, _protocol, out FuseRequest request, out FuseProtocolError error))
        {
            RejectMalformed(worker, frame, error);
            return;
        }

        FuseOpcode opcode = request.Opcode;
        if (request.Unique == 0)
        {
            // The kernel numbers requests from 2 up: a reply with unique 0 would read as a notification, so none is sent.
            _options.OnProtocolError?.Invoke(new FuseProtocolError(FuseProtocolRule.UniqueNotOutstanding, opcode, 0, 8, 0, 0));
            return;
        }

        if (!_initialized && opcode is not FuseOpcode.Init)
        {
            if (IsUnanswered(opcode))
            {
                return;
            }

            reply.Start(opcode, request.Unique, _protocol);
            reply.Error(Errno.EIO);
            return;
        }

        switch (opcode)
        {
            case FuseOpcode.Forget:
                _fileSystem.Forget(request.NodeId, request.GetArgument<FuseForgetIn>().NLookup);
                return;
            case FuseOpcode.BatchForget:
                foreach (ref readonly FuseForgetOne one in request.Forgets)
                {
                    _fileSystem.Forget(one.NodeId, one.NLookup);
                }

                return;
            case FuseOpcode.NotifyReply:
                FuseNotifyRetrieveIn retrieved = request.GetArgument<FuseNotifyRetrieveIn>();
                _fileSystem.RetrieveReply(request.Unique, request.NodeId, retrieved.Offset, request.Data);
                return;
            case FuseOpcode.Interrupt:
                InterruptRequest(worker, request.GetArgument<FuseInterruptIn>().Unique, request.Unique);
                return;
        }

        reply.Start(opcode, request.Unique, _protocol);
        worker.Begin(request.Unique);
        if (_interrupts.Count != 0)
        {
            ResolvePendingInterrupts(worker, request.Unique);
        }

        try
        {
            Call(request, reply);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A handler's failure must not end the serving loop: report it and answer EIO if nothing was sent.
            _options.OnHandlerException?.Invoke(e);
        }
        finally
        {
            worker.Current = 0;
            if (!reply.HasReplied && opcode is not FuseOpcode.Destroy)
            {
                reply.Error(Errno.EIO);
            }

            reply.Finish();
        }
    }

    private void Call(in FuseRequest request, FuseReplySink reply)
    {
        FuseFileSystem fs = _fileSystem;
        switch (request.Opcode)
        {
            case FuseOpcode.Init: HandleInit(request, reply); break;
            case FuseOpcode.Destroy: HandleDestroy(reply); break;
            case FuseOpcode.Lookup: fs.Lookup(request, request.Name, reply); break;
            case FuseOpcode.Getattr: fs.Getattr(request, request.GetArgument<FuseGetattrIn>(), reply); break;
            case FuseOpcode.Setattr: fs.Setattr(request, request.GetArgument<FuseSetattrIn>(), reply); break;
            case FuseOpcode.Readlink: fs.Readlink(request, reply); break;
            case FuseOpcode.Symlink: fs.Symlink(request, request.Name, request.Name2, reply); break;
            case FuseOpcode.Mknod: fs.Mknod(request, request.GetArgument<FuseMknodIn>(), request.Name, reply); break;
            case FuseOpcode.Mkdir: fs.Mkdir(request, request.GetArgument<FuseMkdirIn>(), request.Name, reply); break;
            case FuseOpcode.Unlink: fs.Unlink(request, request.Name, reply); break;
            case FuseOpcode.Rmdir: fs.Rmdir(request, request.Name, reply); break;
            case FuseOpcode.Rename: fs.Rename(request, request.GetArgument<FuseRenameIn>().NewDir, request.Name, request.Name2, RenameFlags.None, reply); break;
            case FuseOpcode.Rename2:
                FuseRename2In rename2 = request.GetArgument<FuseRename2In>();
                fs.Rename(request, rename2.NewDir, request.Name, request.Name2, (RenameFlags)rename2.Flags, reply);
                break;
            case FuseOpcode.Link: fs.Link(request, request.GetArgument<FuseLinkIn>(), request.Name, reply); break;
            case FuseOpcode.Open: fs.Open(request, request.GetArgument<FuseOpenIn>(), reply); break;
            case FuseOpcode.Read: fs.Read(request, request.GetArgument<FuseReadIn>(), reply); break;
            case FuseOpcode.Write: fs.Write(request, request.GetArgument<FuseWriteIn>(), request.Data, reply); break;
            case FuseOpcode.Statfs: fs.Statfs(request, reply); break;
            case FuseOpcode.Release: fs.Release(request, request.GetArgument<FuseReleaseIn>(), reply); break;
            case FuseOpcode.Fsync: fs.Fsync(request, request.GetArgument<FuseFsyncIn>(), reply); break;
            case FuseOpcode.Setxattr: fs.Setxattr(request, request.GetArgument<FuseSetxattrIn>(), request.Name, request.Data, reply); break;
            case FuseOpcode.Getxattr: fs.Getxattr(request, request.GetArgument<FuseGetxattrIn>(), request.Name, reply); break;
            case FuseOpcode.Listxattr: fs.Listxattr(request, request.GetArgument<FuseGetxattrIn>(), reply); break;
            case FuseOpcode.Removexattr: fs.Removexattr(request, request.Name, reply); break;
            case FuseOpcode.Flush: fs.Flush(request, request.GetArgument<FuseFlushIn>(), reply); break;
            case FuseOpcode.Opendir: fs.Opendir(request, request.GetArgument<FuseOpenIn>(), reply); break;
            case FuseOpcode.Readdir: fs.Readdir(request, request.GetArgument<FuseReadIn>(), reply); break;
            case FuseOpcode.Readdirplus: fs.Readdirplus(request, request.GetArgument<FuseReadIn>(), reply); break;
            case FuseOpcode.Releasedir: fs.Releasedir(request, request.GetArgument<FuseReleaseIn>(), reply); break;
            case FuseOpcode.Fsyncdir: fs.Fsyncdir(request, request.GetArgument<FuseFsyncIn>(), reply); break;
            case FuseOpcode.Getlk: fs.Getlk(request, request.GetArgument<FuseLkIn>(), reply); break;
            case FuseOpcode.Setlk: fs.Setlk(request, request.GetArgument<FuseLkIn>(), false, reply); break;
            case FuseOpcode.Setlkw: fs.Setlk(request, request.GetArgument<FuseLkIn>(), true, reply); break;
            case FuseOpcode.Access: fs.Access(request, request.GetArgument<FuseAccessIn>(), reply); break;
            case FuseOpcode.Create: fs.Create(request, request.GetArgument<FuseCreateIn>(), request.Name, reply); break;
            case FuseOpcode.Bmap: fs.Bmap(request, request.GetArgument<FuseBmapIn>(), reply); break;
            case FuseOpcode.Ioctl: fs.Ioctl(request, request.GetArgument<FuseIoctlIn>(), request.Data, reply); break;
            case FuseOpcode.Poll: fs.Poll(request, request.GetArgument<FusePollIn>(), reply); break;
            case FuseOpcode.Fallocate: fs.Fallocate(request, request.GetArgument<FuseFallocateIn>(), reply); break;
            case FuseOpcode.Lseek: fs.Lseek(request, request.GetArgument<FuseLseekIn>(), reply); break;
            case FuseOpcode.CopyFileRange or FuseOpcode.CopyFileRange64: fs.CopyFileRange(request, request.GetArgument<FuseCopyFileRangeIn>(), reply); break;
            case FuseOpcode.Setupmapping: fs.Setupmapping(request, request.GetArgument<FuseSetupmappingIn>(), reply); break;
            case FuseOpcode.Removemapping: fs.Removemapping(request, request.RemoveMappings, reply); break;
            case FuseOpcode.Syncfs: fs.Syncfs(request, reply); break;
            case FuseOpcode.Tmpfile: fs.Tmpfile(request, request.GetArgument<FuseCreateIn>(), reply); break;
            case FuseOpcode.Statx: fs.Statx(request, request.GetArgument<FuseStatxIn>(), reply); break;
            default: reply.Error(Errno.ENOSYS); break;
        }
    }

    /// <summary>Answers a request that broke the protocol: ENOSYS for an unknown opcode, EIO otherwise, when it has a unique to answer.</summary>
    private void RejectMalformed(FuseWorker worker, ReadOnlySpan<byte> frame, in FuseProtocolError error)
    {
        _options.OnProtocolError?.Invoke(error);
        if (frame.Length < FuseInHeader.StructSize)
        {
            return;
        }

        ref readonly FuseInHeader header = ref MemoryMarshal.AsRef<FuseInHeader>(frame);
        if (header.Unique == 0 || IsUnanswered(header.Opcode))
        {
            return;
        }

        FuseReplySink reply = worker.Reply;
        reply.Start(header.Opcode, header.Unique, _protocol);
        reply.Error(error.Rule == FuseProtocolRule.UnknownOpcode ? Errno.ENOSYS : Errno.EIO);
        reply.Finish();
    }

    /// <summary>Opcodes the session never answers: FORGET, BATCH_FORGET and NOTIFY_REPLY get no reply, INTERRUPT is delivered.</summary>
    private static bool IsUnanswered(FuseOpcode opcode) =>
        opcode is FuseOpcode.Forget or FuseOpcode.BatchForget or FuseOpcode.NotifyReply or FuseOpcode.Interrupt;

    /// <summary>
    /// Delivers FUSE_INTERRUPT: marks the worker serving <paramref name="target"/>; when none is (yet), remembers it, so that
    /// the worker about to start the target sees it, and a later request answers it EAGAIN so the kernel queues it again
    /// (the kernel's "Interrupting filesystem operations" protocol, as libfuse does it).
    /// </summary>
    private void InterruptRequest(FuseWorker worker, ulong target, ulong interruptUnique)
    {
        // Remember first, then look: a worker that starts the target meanwhile finds the entry (Begin is a full fence).
        ulong evicted = _interrupts.Add(target, interruptUnique);
        if (evicted != 0)
        {
            AnswerInterruptAgain(worker, evicted);
        }

        lock (_workers)
        {
            foreach (FuseWorker serving in _workers)
            {
                if (serving.Current == target)
                {
                    // Taken before it is delivered: once delivered, the worker may answer and start its next request, which
                    // must not find this entry still pending and answer it EAGAIN (the kernel would send it again).
                    _ = _interrupts.TryTake(target);
                    serving.Reply.Interrupt();
                    return;
                }
            }
        }
    }

    private void ResolvePendingInterrupts(FuseWorker worker, ulong unique)
    {
        if (_interrupts.TryTake(unique))
        {
            worker.Reply.Interrupt();
            return;
        }

        // An interrupt whose request nobody serves: the request finished, or is being started by another worker right now.
        // EAGAIN makes the kernel send it again while the request is still in flight (and answer ENOENT to this write otherwise).
        ulong stale = _interrupts.TakeOldest();
        if (stale != 0)
        {
            AnswerInterruptAgain(worker, stale);
        }
    }

    private void AnswerInterruptAgain(FuseWorker worker, ulong interruptUnique)
    {
        Span<byte> frame = stackalloc byte[FuseOutHeader.StructSize];
        FuseOutHeader header = new() { Len = FuseOutHeader.StructSize, Error = -Errno.EAGAIN, Unique = interruptUnique };
        MemoryMarshal.Write(frame, in header);
        _options.Observer?.Invoke(frame, false);
        _ = worker.Device.Write(frame);
    }
}
