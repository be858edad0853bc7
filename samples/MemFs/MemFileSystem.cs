using System;
using System.Collections.Generic;
using System.Threading;
using FuseWire;
using FuseWire.Abi;
using FuseWire.Protocol;
using FuseWire.Sessions;

namespace MemFs;

/// <summary>
/// A read-write file system held in memory: regular files, directories, symbolic links, hard links, device nodes and FIFOs,
/// extended attributes. Every operation runs under one lock, so any number of session workers may call it. Nodes are freed
/// when they are neither linked, nor known to the kernel (lookup count 0), nor open.
/// </summary>
public partial class MemFileSystem : FuseFileSystem
{
    private const uint AccessModeMask = 3; // O_ACCMODE
    private const uint TruncateFlag = 0x200; // O_TRUNC

    private readonly Lock _gate = new();
    private readonly Dictionary<ulong, MemNode> _nodes = [];
    private readonly Dictionary<ulong, MemNode> _handles = [];
    private readonly MemFileSystemOptions _options;
    private readonly MemNode _root;
    private readonly ulong _entrySeconds, _attrSeconds;
    private readonly uint _entryNanoseconds, _attrNanoseconds;
    private ulong _nextNodeId = FuseConstants.RootId + 1;
    private ulong _nextHandle = 1;

    /// <summary>Creates an empty file system: a root directory owned by <see cref="MemFileSystemOptions.RootUid"/>.</summary>
    /// <param name="options">Timeouts and the like; null for the defaults.</param>
    public MemFileSystem(MemFileSystemOptions? options = null)
    {
        _options = options ?? new MemFileSystemOptions();
        Split(_options.EntryTimeout, out _entrySeconds, out _entryNanoseconds);
        Split(_options.AttributeTimeout, out _attrSeconds, out _attrNanoseconds);
        uint uid = _options.RootUid ?? ProcessCredentials.EffectiveUid;
        uint gid = _options.RootGid ?? ProcessCredentials.EffectiveGid;
        _root = new MemNode(FuseConstants.RootId, MemNode.Directory | (_options.RootPermissions & 0xFFF), uid, gid, Now());
        _root.Parent = _root;
        _nodes.Add(_root.Id, _root);
    }

    /// <summary>How many nodes are alive (the root included).</summary>
    public int NodeCount
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>Bytes of file content held in memory.</summary>
    public long AllocatedBytes
    {
        get
        {
            lock (_gate)
            {
                long total = 0;
                foreach (MemNode node in _nodes.Values)
                {
                    total += node.Content?.AllocatedBytes ?? 0;
                }

                return total;
            }
        }
    }

    /// <summary>Whether the node <paramref name="nodeId"/> (an inode number) is still alive.</summary>
    /// <param name="nodeId">The node id, which is also the inode number stat reports.</param>
    /// <returns>True while the node is alive.</returns>
    public bool ContainsNode(ulong nodeId)
    {
        lock (_gate)
        {
            return _nodes.ContainsKey(nodeId);
        }
    }

    /// <summary>The kernel's lookup count of a node, as far as this file system has counted (0 for unknown nodes).</summary>
    /// <param name="nodeId">The node id.</param>
    /// <returns>The count.</returns>
    public ulong LookupCount(ulong nodeId)
    {
        lock (_gate)
        {
            return _nodes.TryGetValue(nodeId, out MemNode? node) ? node.Lookups : 0;
        }
    }

    /// <summary>Asks only for what MemFs implements: locks stay in the kernel (POSIX and flock locks are then local).</summary>
    /// <param name="kernel">What the kernel offered.</param>
    /// <param name="reply">The reply the session prepared.</param>
    public override void Init(in FuseInitIn kernel, ref FuseInitOut reply)
    {
        FuseInitFlags flags = FuseProtocol.FlagsOf(reply) & ~(FuseInitFlags.PosixLocks | FuseInitFlags.FlockLocks);
        FuseProtocol.Split(flags, out reply.Flags, out reply.Flags2);
    }

    /// <inheritdoc/>
    public override void Forget(ulong nodeId, ulong nlookup)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(nodeId, out MemNode? node))
            {
                node.Lookups = node.Lookups > nlookup ? node.Lookups - nlookup : 0;
                TryFree(node);
            }
        }
    }

    private static void Split(TimeSpan timeout, out ulong seconds, out uint nanoseconds)
    {
        long ticks = Math.Max(0, timeout.Ticks);
        seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        nanoseconds = (uint)(ticks % TimeSpan.TicksPerSecond * 100);
    }

    private MemTime Now() => MemTime.From(_options.Clock.GetUtcNow());

    private MemNode? Node(ulong nodeId) => _nodes.GetValueOrDefault(nodeId);

    /// <summary>The node a file handle names, else the request's node.</summary>
    private MemNode? NodeOf(ulong handle, ulong nodeId) =>
        _handles.TryGetValue(handle, out MemNode? node) ? node : _nodes.GetValueOrDefault(nodeId);

    private MemNode NewNode(uint mode, uint uid, uint gid, MemNode parent)
    {
        if ((parent.Mode & MemNode.SetGid) != 0)
        {
            // A set-group-ID directory gives its group to new entries, and the bit to new directories.
            gid = parent.Gid;
            if ((mode & MemNode.TypeMask) == MemNode.Directory)
            {
                mode |= MemNode.SetGid;
            }
        }

        MemNode node = new(_nextNodeId++, mode, uid, gid, Now());
        _nodes.Add(node.Id, node);
        return node;
    }

    /// <summary>Frees a node nobody can reach any more: unlinked, forgotten by the kernel, not open.</summary>
    private void TryFree(MemNode node)
    {
        if (node.NLink == 0 && node.Lookups == 0 && node.OpenHandles == 0 && node.Id != FuseConstants.RootId)
        {
            _ = _nodes.Remove(node.Id);
            node.Content?.Clear();
            node.Xattrs = null;
        }
    }

    /// <summary>An entry reply for <paramref name="node"/>, counting the lookup it gives the kernel.</summary>
    private FuseEntryOut Reference(MemNode node)
    {
        node.Lookups++;
        return EntryOf(node);
    }

    private FuseEntryOut EntryOf(MemNode node) => new()
    {
        NodeId = node.Id,
        EntryValid = _entrySeconds,
        EntryValidNsec = _entryNanoseconds,
        AttrValid = _attrSeconds,
        AttrValidNsec = _attrNanoseconds,
        Attr = AttrOf(node),
    };

    private FuseAttrOut AttrOutOf(MemNode node) => new() { AttrValid = _attrSeconds, AttrValidNsec = _attrNanoseconds, Attr = AttrOf(node) };

    private static FuseAttr AttrOf(MemNode node)
    {
        long size = node.Size;
        return new FuseAttr
        {
            Ino = node.Id,
            Size = (ulong)size,
            Blocks = (ulong)((size + 511) / 512),
            ATime = node.ATime.Seconds,
            ATimeNsec = node.ATime.Nanoseconds,
            MTime = node.MTime.Seconds,
            MTimeNsec = node.MTime.Nanoseconds,
            CTime = node.CTime.Seconds,
            CTimeNsec = node.CTime.Nanoseconds,
            Mode = node.Mode,
            NLink = node.NLink,
            Uid = node.Uid,
            Gid = node.Gid,
            Rdev = node.Rdev,
            BlkSize = 4096,
        };
    }

    /// <summary>Marks a directory's content changed.</summary>
    private void Touch(MemNode directory)
    {
        MemTime now = Now();
        directory.MTime = now;
        directory.CTime = now;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="node"/> or one of its parents.</summary>
    private static bool IsAncestor(MemNode ancestor, MemNode node)
    {
        for (MemNode? current = node; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }

            if (current.Id == FuseConstants.RootId)
            {
                break;
            }
        }

        return false;
    }

    private static bool IsValidName(ReadOnlySpan<byte> name) =>
        name.Length is > 0 and <= FuseConstants.NameMax && name.IndexOf((byte)'/') < 0 && !name.SequenceEqual("."u8) && !name.SequenceEqual(".."u8);
}
