using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Sessions;

namespace MemFs;

/// <content>The file system as a whole: statfs and syncfs.</content>
public partial class MemFileSystem
{
    private const uint BlockSize = 4096;
    private const ulong MaxFiles = 1UL << 24;

    /// <summary>Reports this process's available memory as the capacity, file content as used space.</summary>
    /// <param name="request">The request.</param>
    /// <param name="reply">Where the answer goes.</param>
    public override void Statfs(in FuseRequest request, FuseReplySink reply)
    {
        long capacity = Math.Max(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, 1L << 30);
        long used;
        ulong nodes;
        lock (_gate)
        {
            used = 0;
            foreach (MemNode node in _nodes.Values)
            {
                used += node.Content?.AllocatedBytes ?? 0;
            }

            nodes = (ulong)_nodes.Count;
        }

        ulong blocks = (ulong)capacity / BlockSize;
        ulong free = (ulong)Math.Max(0, capacity - used) / BlockSize;
        reply.Statfs(new FuseKstatfs
        {
            Blocks = blocks,
            BFree = free,
            BAvail = free,
            Files = MaxFiles,
            FFree = MaxFiles - Math.Min(nodes, MaxFiles),
            BSize = BlockSize,
            FrSize = BlockSize,
            NameLen = 255,
        });
    }

    /// <inheritdoc/>
    public override void Syncfs(in FuseRequest request, FuseReplySink reply) => reply.Ok();
}
