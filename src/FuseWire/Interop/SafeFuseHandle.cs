using System;
using System.Runtime.InteropServices;

namespace FuseWire.Interop;

/// <summary>
/// Owns a file descriptor. Calls made through it hold a reference, so a close from another thread waits
/// until a blocked <c>read</c> returns instead of freeing the descriptor number under it.
/// </summary>
internal sealed class SafeFuseHandle : SafeHandle
{
    /// <summary>Creates an invalid handle (used by the marshaller).</summary>
    public SafeFuseHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of <paramref name="fd"/>.</summary>
    /// <param name="fd">An open file descriptor.</param>
    internal SafeFuseHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    /// <inheritdoc/>
    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>The descriptor number, or -1 once closed.</summary>
    internal int Fd => IsClosed ? -1 : (int)handle.ToInt64();

    /// <inheritdoc/>
    protected override bool ReleaseHandle() => LibC.Close((int)handle.ToInt64()) == 0;
}
