using System;
using System.Runtime.InteropServices;
using FuseWire.Abi;

namespace FuseWire.Codec;

/// <summary>
/// One request extension: a <see cref="FuseExtHeader"/> and its body. Types 0 to 31 are security contexts
/// (the header is then a <see cref="FuseSecctxHeader"/> whose <c>nr_secctx</c> is the type); 32 is <see cref="FuseExtType.ExtGroups"/>.
/// </summary>
public readonly ref struct FuseExtension
{
    internal FuseExtension(ReadOnlySpan<byte> whole)
    {
        Whole = whole;
    }

    /// <summary>The extension's bytes, header included.</summary>
    public ReadOnlySpan<byte> Whole { get; }

    /// <summary>The extension's type (for a security context: the number of contexts).</summary>
    public uint Type => MemoryMarshal.Read<uint>(Whole[4..]);

    /// <summary>The bytes after the 8-byte header.</summary>
    public ReadOnlySpan<byte> Body => Whole[FuseExtHeader.StructSize..];

    /// <summary>Whether this is a security-context extension.</summary>
    public bool IsSecurityContext => Type <= (uint)FuseExtType.MaxNrSecctx;

    /// <summary>Reads a supplementary-groups extension.</summary>
    /// <param name="groups">The group ids.</param>
    /// <returns>False when this is not a well-formed groups extension.</returns>
    public bool TryGetSupplementaryGroups(out ReadOnlySpan<uint> groups)
    {
        groups = default;
        ReadOnlySpan<byte> body = Body;
        if (Type != (uint)FuseExtType.ExtGroups || body.Length < FuseSuppGroups.StructSize)
        {
            return false;
        }

        uint count = MemoryMarshal.Read<uint>(body);
        ReadOnlySpan<byte> ids = body[FuseSuppGroups.StructSize..];
        if (count > (uint)(ids.Length / sizeof(uint)))
        {
            return false;
        }

        groups = MemoryMarshal.Cast<byte, uint>(ids)[..(int)count];
        return true;
    }

    /// <summary>Enumerates the contexts of a security-context extension.</summary>
    /// <returns>An enumerator; empty when this is not a security-context extension.</returns>
    public FuseSecurityContextEnumerator EnumerateSecurityContexts() =>
        new(IsSecurityContext ? Body : default, IsSecurityContext ? Type : 0);
}
