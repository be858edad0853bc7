using System;
using System.Buffers;
using System.Runtime.InteropServices;
using FuseWire.Interop;

namespace FuseWire.Buffers;

/// <summary>
/// A worker's frame buffer outside the managed heap: never moved, so the kernel can copy into it without pinning, and laid out
/// so that the byte at <c>alignedOffset</c> starts a page. The kernel copies FUSE payloads page by page, pinning each of the
/// daemon's pages in turn; a payload that starts on a page touches one page fewer and is copied in whole pages. A buffer of a
/// mebibyte or more is placed on a 2 MiB boundary and offered to transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>), so that
/// both the daemon's copy and the kernel's page walk go through one TLB entry where the kernel grants it. It has no finalizer:
/// its owner disposes it once no span over it can be in use (the worker's thread, when it stops serving).
/// </summary>
internal sealed unsafe class PageAlignedBuffer : MemoryManager<byte>
{
    private const nuint PageSize = 4096;
    private const nuint HugePageSize = 2 * 1024 * 1024;

    private readonly int _length;
    private byte* _block;
    private byte* _start;

    /// <summary>Allocates <paramref name="length"/> usable bytes whose offset <paramref name="alignedOffset"/> is page-aligned.</summary>
    /// <param name="length">Usable bytes.</param>
    /// <param name="alignedOffset">The offset, below a page, that should fall on a page boundary (a frame's payload offset).</param>
    public PageAlignedBuffer(int length, int alignedOffset)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfNegative(alignedOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((nuint)alignedOffset, PageSize);
        nuint lead = alignedOffset == 0 ? 0 : PageSize - (nuint)alignedOffset;
        nuint alignment = (nuint)length >= HugePageSize / 2 ? HugePageSize : PageSize;
        nuint size = (lead + (nuint)length + alignment - 1) & ~(alignment - 1);
        _block = (byte*)NativeMemory.AlignedAlloc(size, alignment);
        if (alignment == HugePageSize)
        {
            _ = LibC.Madvise(_block, size, LibC.MadvHugePage); // advice only: without THP the buffer is simply 4 KiB pages
        }

        _start = _block + lead;
        _length = length;
    }

    /// <inheritdoc/>
    public override Span<byte> GetSpan() => new(_start, _length);

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

    /// <inheritdoc/>
    public override void Unpin()
    {
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_block != null)
        {
            NativeMemory.AlignedFree(_block);
            _block = null;
            _start = null;
        }
    }
}
