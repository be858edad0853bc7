using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;

namespace FuseWire.Client;

/// <content>Typed helpers for extended attributes: SETXATTR, GETXATTR, LISTXATTR, REMOVEXATTR.</content>
public sealed partial class FuseClient
{
    /// <summary><c>XATTR_SIZE_MAX</c> and <c>XATTR_LIST_MAX</c>: the size GETXATTR and LISTXATTR ask for.</summary>
    public const uint MaxXattrSize = 65536;

    /// <summary>Sets an extended attribute (SETXATTR).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="name">The attribute's name (e.g. <c>user.comment</c>).</param>
    /// <param name="value">The value; copied into the frame before this returns.</param>
    /// <param name="flags">XATTR_CREATE (1), XATTR_REPLACE (2), or 0.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask SetXattrAsync(ulong nodeId, string name, ReadOnlySpan<byte> value, uint flags = 0, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        FuseSetxattrIn arg = new() { Size = (uint)value.Length, Flags = flags };
        return Call(FuseOpcode.Setxattr, nodeId, Bytes(in arg), Utf8(name, scratch, nameof(name)), default, value, cancellationToken);
    }

    /// <summary>Reads an extended attribute (GETXATTR, asking for up to <see cref="MaxXattrSize"/> bytes).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="name">The attribute's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The value.</returns>
    /// <exception cref="FuseErrnoException">ENODATA when there is no such attribute.</exception>
    public ValueTask<byte[]> GetXattrAsync(ulong nodeId, string name, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        FuseGetxattrIn arg = new() { Size = MaxXattrSize };
        return Call<byte[]>(FuseOpcode.Getxattr, nodeId, Bytes(in arg), Utf8(name, scratch, nameof(name)), default, default, cancellationToken);
    }

    /// <summary>Lists a node's extended attributes (LISTXATTR).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The names.</returns>
    public async ValueTask<IReadOnlyList<string>> ListXattrAsync(ulong nodeId, CancellationToken cancellationToken = default)
    {
        byte[] names = await StartListXattr(nodeId, cancellationToken).ConfigureAwait(false);
        List<string> list = [];
        int start = 0;
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i] == 0)
            {
                if (i > start)
                {
                    list.Add(Encoding.UTF8.GetString(names, start, i - start));
                }

                start = i + 1;
            }
        }

        return list;
    }

    /// <summary>Removes an extended attribute (REMOVEXATTR).</summary>
    /// <param name="nodeId">The node.</param>
    /// <param name="name">The attribute's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the daemon answered.</returns>
    public ValueTask RemoveXattrAsync(ulong nodeId, string name, CancellationToken cancellationToken = default)
    {
        Span<byte> scratch = stackalloc byte[NameScratchSize];
        return Call(FuseOpcode.Removexattr, nodeId, default, Utf8(name, scratch, nameof(name)), default, default, cancellationToken);
    }

    private ValueTask<byte[]> StartListXattr(ulong nodeId, CancellationToken cancellationToken)
    {
        FuseGetxattrIn arg = new() { Size = MaxXattrSize };
        return Call<byte[]>(FuseOpcode.Listxattr, nodeId, Bytes(in arg), default, default, default, cancellationToken);
    }
}
