using System;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;

namespace FuseWire.Client;

/// <content>Typed helpers for files: OPEN, CREATE, READ, WRITE, FLUSH, RELEASE.</content>
public sealed partial class FuseClient
{
    /// <summary>Opens a file (OPEN).</summary>
    /// <param name="nodeId">The file.</param>
    /// <param name="flags">The open(2) flags (O_RDONLY is 0, O_WRONLY 1, O_RDWR 2, ...).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The handle and FOPEN_* flags.</returns>
    public ValueTask<FuseOpenOut> OpenAsync(ulong nodeId, uint flags, CancellationToken cancellationToken = default)
    {
        FuseOpenIn arg = new() { Flags = flags };
        return Call<FuseOpenOut>(FuseOpcode.Open, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }

    /// <summary>Creates and opens a file (CREATE).</summary>
    /// <param name="parent">The directory.</param>
    /// <param name="name">The file's name.</param>
    /// <param name="flags">The open(2) flags.</param>
    /// <param name="mode">The file mode with its type (e.g. S_IFREG | 0644).</param>
    /// <param name="umask">The caller's umask.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entry and the open file.</returns>
    public ValueTask<FuseCreateResult> CreateAsync(ulong parent, string name, uint flags, uint mode, uint umask = 0, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        FuseCreateIn arg = new() { Flags = flags, Mode = mode, Umask = umask };
        return Call<FuseCreateResult>(FuseOpcode.Create, parent, Bytes(in arg), Utf8(name, scratch, nameof(name)), default, default, cancellationToken);
    }

    /// <summary>Reads from an open file (READ) straight into <paramref name="buffer"/>: its length is the size asked for.</summary>
    /// <param name="nodeId">The file.</param>
    /// <param name="fileHandle">The handle OPEN returned.</param>
    /// <param name="offset">Where to read from.</param>
    /// <param name="buffer">Where the bytes go; not touched after a cancellation.</param>
    /// <param name="cancellationToken">Cancels the request (FUSE_INTERRUPT).</param>
    /// <returns>The number of bytes read (fewer at the end of the file).</returns>
    public ValueTask<int> ReadAsync(ulong nodeId, ulong fileHandle, ulong offset, Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        FuseReadIn arg = new() { Fh = fileHandle, Offset = offset, Size = (uint)buffer.Length };
        return Call<int>(FuseOpcode.Read, nodeId, Bytes(in arg), default, default, default, cancellationToken, FuseReplyTarget.DataToDestination, buffer);
    }

    /// <summary>Writes to an open file (WRITE); the bytes are copied into the request frame before this returns.</summary>
    /// <param name="nodeId">The file.</param>
    /// <param name="fileHandle">The handle OPEN returned.</param>
    /// <param name="offset">Where to write.</param>
    /// <param name="data">The bytes, at most <see cref="MaxWrite"/>.</param>
    /// <param name="cancellationToken">Cancels the request (FUSE_INTERRUPT).</param>
    /// <returns>The number of bytes the daemon wrote.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="data"/> is longer than <see cref="MaxWrite"/>.</exception>
    public ValueTask<int> WriteAsync(ulong nodeId, ulong fileHandle, ulong offset, ReadOnlySpan<byte> data, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)data.Length, MaxWrite, nameof(data));
        FuseWriteIn arg = new() { Fh = fileHandle, Offset = offset, Size = (uint)data.Length };
        return Call<int>(FuseOpcode.Write, nodeId, Bytes(in arg), default, default, data, cancellationToken);
    }

    /// <summary>Flushes an open file (FLUSH, sent at each close(2)).</summary>
    /// <param name="nodeId">The file.</param>
    /// <param name="fileHandle">The handle.</param>
    /// <param name="lockOwner">The lock owner of the closing descriptor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask FlushAsync(ulong nodeId, ulong fileHandle, ulong lockOwner = 0, CancellationToken cancellationToken = default)
    {
        FuseFlushIn arg = new() { Fh = fileHandle, LockOwner = lockOwner };
        return Call(FuseOpcode.Flush, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }

    /// <summary>Releases an open file (RELEASE, after the last close).</summary>
    /// <param name="nodeId">The file.</param>
    /// <param name="fileHandle">The handle.</param>
    /// <param name="flags">The flags it was opened with.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask ReleaseAsync(ulong nodeId, ulong fileHandle, uint flags = 0, CancellationToken cancellationToken = default)
    {
        FuseReleaseIn arg = new() { Fh = fileHandle, Flags = flags };
        return Call(FuseOpcode.Release, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }
}
