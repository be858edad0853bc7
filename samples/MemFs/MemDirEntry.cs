namespace MemFs;

/// <summary>A name in a directory, with its stable readdir cookie.</summary>
internal sealed class MemDirEntry(byte[] name, MemNode node, ulong cookie)
{
    public byte[] Name { get; } = name;

    public MemNode Node { get; set; } = node;

    /// <summary>The readdir offset of the entry after this one's: stable while the entry exists (1 and 2 are . and ..).</summary>
    public ulong Cookie { get; } = cookie;
}
