using System.Runtime.CompilerServices;

namespace FuseWire.Protocol;

/// <summary>The wire shape of one request at one protocol: argument size, names and trailer.</summary>
/// <param name="ArgSize">Bytes of the fixed argument.</param>
/// <param name="Name1">The first name, if any.</param>
/// <param name="Name2">The second name, if any.</param>
/// <param name="Trailer">What follows the names.</param>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
internal readonly record struct FuseRequestShape(int ArgSize, FuseNameKind Name1, FuseNameKind Name2, FuseTrailer Trailer)
{
    /// <summary>How many names the request carries.</summary>
    public int NameCount => (Name1 == FuseNameKind.None ? 0 : 1) + (Name2 == FuseNameKind.None ? 0 : 1);
}
