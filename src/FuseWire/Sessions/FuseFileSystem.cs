using FuseWire.Abi;

namespace FuseWire.Sessions;

/// <summary>
/// A FUSE file system at the kernel's level: one virtual method per opcode, each receiving the decoded request (a view over the
/// frame's bytes, valid only during the call) and the <see cref="FuseReplySink"/> to answer with, exactly once. Every method
/// answers ENOSYS unless overridden (RELEASE and RELEASEDIR answer success). Methods run on the session's worker threads.
/// </summary>
public abstract partial class FuseFileSystem
{
    /// <summary>Called while INIT is answered: adjust the reply (flags, max_write, time_gran) before it is sent.</summary>
    /// <param name="kernel">What the kernel offered.</param>
    /// <param name="reply">The reply the session prepared.</param>
    public virtual void Init(in FuseInitIn kernel, ref FuseInitOut reply)
    {
    }

    /// <summary>Called once when the session ends (DESTROY, or unmount).</summary>
    public virtual void Destroy()
    {
    }

    /// <summary>Drops <paramref name="nlookup"/> lookups of <paramref name="nodeId"/> (FORGET and each entry of BATCH_FORGET; never answered).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="nlookup">How many lookups to drop.</param>
    public virtual void Forget(ulong nodeId, ulong nlookup)
    {
    }

    /// <summary>Receives the data of a NOTIFY_REPLY, the kernel's answer to <see cref="FuseSession.NotifyRetrieve"/> (never answered).</summary>
    /// <param name="notifyUnique">The unique the retrieve notification carried.</param>
    /// <param name="nodeId">The node.</param>
    /// <param name="offset">The offset of the data.</param>
    /// <param name="data">The data, valid only during the call.</param>
    public virtual void RetrieveReply(ulong notifyUnique, ulong nodeId, ulong offset, System.ReadOnlySpan<byte> data)
    {
    }
}
