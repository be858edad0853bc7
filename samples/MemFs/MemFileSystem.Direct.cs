using System;
using System.IO;
using System.Text;
using FuseWire;
using FuseWire.Abi;

namespace MemFs;

/// <content>
/// Direct access for the host program (and tests): reads and changes made here bypass the kernel, whose caches then go stale
/// until the host sends a notification (FuseSession.NotifyInvalInode, NotifyInvalEntry, ...). Paths are relative to the root,
/// separated by '/'.
/// </content>
public partial class MemFileSystem
{
    /// <summary>Resolves <paramref name="path"/> to its node id (the inode number stat shows).</summary>
    /// <param name="path">A path relative to the root; "" is the root.</param>
    /// <param name="nodeId">The node id when found.</param>
    /// <returns>Whether the path exists.</returns>
    public bool TryGetNodeId(string path, out ulong nodeId)
    {
        lock (_gate)
        {
            MemNode? node = Resolve(path);
            nodeId = node?.Id ?? 0;
            return node is not null;
        }
    }

    /// <summary>Returns a regular file's content.</summary>
    /// <param name="path">A path relative to the root.</param>
    /// <returns>A copy of the bytes.</returns>
    /// <exception cref="FileNotFoundException">No regular file has that path.</exception>
    public byte[] ReadAllBytes(string path)
    {
        lock (_gate)
        {
            MemContent content = Resolve(path)?.Content ?? throw new FileNotFoundException("No such regular file.", path);
            byte[] bytes = new byte[content.Length];
            _ = content.Read(0, bytes);
            return bytes;
        }
    }

    /// <summary>
    /// Overwrites bytes of a regular file behind the kernel's back, leaving its times alone (so attribute refreshes do not
    /// reveal the change either): readers keep seeing cached pages until the host invalidates them.
    /// </summary>
    /// <param name="path">A path relative to the root.</param>
    /// <param name="offset">Where to write.</param>
    /// <param name="data">The bytes.</param>
    /// <exception cref="FileNotFoundException">No regular file has that path.</exception>
    public void OverwriteBehindKernel(string path, long offset, ReadOnlySpan<byte> data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        lock (_gate)
        {
            MemContent content = Resolve(path)?.Content ?? throw new FileNotFoundException("No such regular file.", path);
            content.Write(offset, data);
        }
    }

    /// <summary>Creates a regular file (mode 0644, owned like the root) behind the kernel's back; its directory must exist.</summary>
    /// <param name="path">The new file's path.</param>
    /// <param name="content">Its bytes.</param>
    /// <exception cref="IOException">The file cannot be created; the message names the errno.</exception>
    public void CreateFileBehindKernel(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (_gate)
        {
            (MemNode? directory, byte[] name) = ResolveParent(path);
            int errno = directory is null ? Errno.ENOENT : CheckNewName(directory, name);
            if (errno != 0)
            {
                throw new IOException($"Cannot create '{path}': {FuseNames.TryGetErrnoName(errno) ?? errno.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }

            MemNode file = NewNode(MemNode.Regular | 0x1A4, _root.Uid, _root.Gid, directory!);
            file.Content!.Write(0, content);
            directory!.Entries!.Add(name, file);
            Touch(directory);
        }
    }

    /// <summary>Renames an entry behind the kernel's back (without replacing an existing one); its cached names go stale.</summary>
    /// <param name="path">The existing path.</param>
    /// <param name="newPath">The new path, whose directory must exist.</param>
    /// <exception cref="IOException">The rename failed; the message names the errno.</exception>
    public void RenameBehindKernel(string path, string newPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(newPath);
        lock (_gate)
        {
            (MemNode? from, byte[] name) = ResolveParent(path);
            (MemNode? to, byte[] newName) = ResolveParent(newPath);
            int errno = from is null || to is null ? Errno.ENOENT
                : RenameLocked(from.Id, to.Id, name, newName, RenameFlags.NoReplace);
            if (errno != 0)
            {
                throw new IOException($"Cannot rename '{path}' to '{newPath}': {FuseNames.TryGetErrnoName(errno) ?? errno.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }
        }
    }

    private MemNode? Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        MemNode? node = _root;
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?.Entries?.Find(Encoding.UTF8.GetBytes(part));
        }

        return node;
    }

    private (MemNode? Parent, byte[] Name) ResolveParent(string path)
    {
        string trimmed = path.Trim('/');
        int slash = trimmed.LastIndexOf('/');
        MemNode? parent = slash < 0 ? _root : Resolve(trimmed[..slash]);
        return (parent, Encoding.UTF8.GetBytes(trimmed[(slash + 1)..]));
    }
}
