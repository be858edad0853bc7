using System;

namespace FuseWire.Codec;

/// <summary>One security context of a request: the LSM attribute name (e.g. "security.selinux") and its value.</summary>
public readonly ref struct FuseSecurityContext
{
    internal FuseSecurityContext(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The context's name, without its NUL.</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <summary>The context's value.</summary>
    public ReadOnlySpan<byte> Value { get; }
}
