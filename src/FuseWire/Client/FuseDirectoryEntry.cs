using FuseWire.Abi;

namespace FuseWire.Client;

/// <summary>One directory entry from READDIR or READDIRPLUS.</summary>
/// <param name="Ino">The inode number.</param>
/// <param name="Offset">The offset to pass to the next READDIR to continue after this entry.</param>
/// <param name="Type">The file type (DT_* as in <c>d_type</c>).</param>
/// <param name="Name">The name (UTF-8 decoded).</param>
/// <param name="Entry">READDIRPLUS's entry (node id and attributes; a node id of 0 takes no lookup); default for READDIR.</param>
public sealed record FuseDirectoryEntry(ulong Ino, ulong Offset, uint Type, string Name, FuseEntryOut Entry);
