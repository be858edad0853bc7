using System.Collections.Generic;

namespace MemFs;

/// <summary>An inode: attributes, and the content of its kind (bytes, entries or a link target).</summary>
internal sealed class MemNode
{
    public const uint TypeMask = 0xF000;
    public const uint Directory = 0x4000;
    public const uint Regular = 0x8000;
    public const uint SymbolicLink = 0xA000;
    public const uint SetUid = 0x800;
    public const uint SetGid = 0x400;
    public const uint GroupExecute = 0x8;

    public MemNode(ulong id, uint mode, uint uid, uint gid, MemTime now)
    {
        Id = id;
        Mode = mode;
        Uid = uid;
        Gid = gid;
        ATime = MTime = CTime = now;
        if (IsDirectory)
        {
            Entries = new MemDirectory();
            NLink = 2;
        }
        else
        {
            NLink = 1;
            if (IsRegular)
            {
                Content = new MemContent();
            }
        }
    }

    public ulong Id { get; }

    /// <summary>S_IFMT type and permission bits.</summary>
    public uint Mode { get; set; }

    public uint Uid { get; set; }

    public uint Gid { get; set; }

    public uint Rdev { get; set; }

    public uint NLink { get; set; }

    public MemTime ATime { get; set; }

    public MemTime MTime { get; set; }

    public MemTime CTime { get; set; }

    /// <summary>Lookups the kernel holds (each entry reply adds one, FORGET takes them back).</summary>
    public ulong Lookups { get; set; }

    /// <summary>Open file handles.</summary>
    public int OpenHandles { get; set; }

    /// <summary>The parent directory, for "..": directories only.</summary>
    public MemNode? Parent { get; set; }

    public MemContent? Content { get; }

    public MemDirectory? Entries { get; }

    public byte[]? LinkTarget { get; set; }

    public Dictionary<byte[], byte[]>? Xattrs { get; set; }

    public bool IsDirectory => (Mode & TypeMask) == Directory;

    public bool IsRegular => (Mode & TypeMask) == Regular;

    public bool IsSymbolicLink => (Mode & TypeMask) == SymbolicLink;

    /// <summary>The DT_* type readdir reports.</summary>
    public uint DirentType => (Mode & TypeMask) >> 12;

    public long Size => Content?.Length ?? LinkTarget?.Length ?? (IsDirectory ? 4096 : 0);

    /// <summary>Clears set-user-ID, and set-group-ID when group-executable (after a write, truncate or chown).</summary>
    public void KillSuidGid()
    {
        if (!IsDirectory)
        {
            Mode &= ~SetUid;
            if ((Mode & GroupExecute) != 0)
            {
                Mode &= ~SetGid;
            }
        }
    }
}
