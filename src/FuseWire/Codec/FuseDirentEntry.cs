using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;

namespace FuseWire.Codec;

/// <summary>One record of a READDIR or READDIRPLUS reply: a view over its bytes.</summary>
public readonly ref struct FuseDirentEntry
{
    private readonly ReadOnlySpan<byte> _record;
    private readonly bool _plus;

    internal FuseDirentEntry(ReadOnlySpan<byte> record, bool plus)
    {
        _record = record;
        _plus = plus;
    }

    /// <summary>The <c>fuse_dirent</c> part.</summary>
    public ref readonly FuseDirent Dirent => ref MemoryMarshal.AsRef<FuseDirent>(_plus ? _record[FuseEntryOut.StructSize..] : _record);

    /// <summary>The entry of a READDIRPLUS record; default for READDIR.</summary>
    public FuseEntryOut EntryOut => _plus ? MemoryMarshal.Read<FuseEntryOut>(_record) : default;

    /// <summary>The name, without padding.</summary>
    public ReadOnlySpan<byte> Name => _record.Slice(_plus ? FuseConstants.NameOffsetDirentplus : FuseConstants.NameOffset, (int)Dirent.NameLen);
}
