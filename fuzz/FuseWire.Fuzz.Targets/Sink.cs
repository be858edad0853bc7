using System;
using System.Runtime.InteropServices;

namespace FuseWire.Fuzzing;

/// <summary>Where the targets fold what they read, so that no read is optimised away.</summary>
internal static class Sink
{
    /// <summary>The folded value; meaningless.</summary>
    public static ulong Value;

    /// <summary>Folds a struct's bytes.</summary>
    public static ulong Hash<T>(in T value)
        where T : unmanaged
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
