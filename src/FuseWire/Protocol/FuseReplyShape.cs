using System.Runtime.CompilerServices;

namespace FuseWire.Protocol;

/// <summary>The wire shape of a reply at one protocol: fixed argument size(s) and what may follow.</summary>
/// <param name="ArgSize">Bytes of the first fixed argument.</param>
/// <param name="Arg2Size">Bytes of the second fixed argument (CREATE and TMPFILE's <c>fuse_open_out</c>).</param>
/// <param name="Data">What may follow.</param>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
internal readonly record struct FuseReplyShape(int ArgSize, int Arg2Size, FuseReplyData Data)
{
    /// <summary>Bytes of all fixed arguments.</summary>
    public int FixedSize => ArgSize + Arg2Size;
}
