namespace MemFs;

/// <summary>The kernel's answer to a FUSE_NOTIFY_RETRIEVE, as <see cref="MemFileSystem.RetrieveReply"/> received it.</summary>
/// <param name="NotifyUnique">The unique the retrieve notification carried.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Offset">The offset of the data.</param>
/// <param name="Data">A copy of the cached bytes the kernel returned.</param>
public sealed record MemRetrieved(ulong NotifyUnique, ulong NodeId, ulong Offset, byte[] Data);
