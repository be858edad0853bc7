using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;
using FuseWire.Abi;

namespace FuseWire.Client;

/// <content>Raw sends: any opcode from its parts, awaited, with a callback, or unanswered.</content>
public sealed partial class FuseClient
{
    private const int NameScratchSize = 768;

    /// <summary>Sends any answered request from its parts and copies the reply's payload (everything after the out header) into <paramref name="replyPayload"/>.</summary>
    /// <param name="opcode">The opcode (not FORGET, BATCH_FORGET or INTERRUPT).</param>
    /// <param name="nodeId">The node the request is about (0 for INIT, DESTROY, ...).</param>
    /// <param name="argument">The argument's bytes, at least its wire size at the negotiated minor (longer input is cut).</param>
    /// <param name="replyPayload">Where the reply's payload goes.</param>
    /// <param name="name">The first name, without NUL, for opcodes that carry one.</param>
    /// <param name="name2">The second name (RENAME's new name, SYMLINK's target).</param>
    /// <param name="data">Trailing data (WRITE's bytes, SETXATTR's value), its length matching the argument.</param>
    /// <param name="cancellationToken">Cancels the request: FUSE_INTERRUPT is sent and the wait ends with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The payload's length; when it exceeds <paramref name="replyPayload"/>'s length the copy was cut.</returns>
    /// <exception cref="ArgumentException">The parts do not make a valid request of this opcode.</exception>
    /// <exception cref="FuseErrnoException">The daemon answered with an error.</exception>
    /// <exception cref="Validation.FuseProtocolException">The reply is malformed.</exception>
    /// <exception cref="FuseConnectionClosedException">The connection ended before the reply.</exception>
    public ValueTask<int> SendAsync(
        FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> argument, Memory<byte> replyPayload,
        ReadOnlySpan<byte> name = default, ReadOnlySpan<byte> name2 = default, ReadOnlySpan<byte> data = default, CancellationToken cancellationToken = default) =>
        Call<int>(opcode, nodeId, argument, name, name2, data, cancellationToken, FuseReplyTarget.PayloadToDestination, replyPayload);

    /// <summary>Sends any answered request from its parts; <paramref name="callback"/> gets the validated reply on the reader thread.</summary>
    /// <param name="opcode">The opcode (not FORGET, BATCH_FORGET or INTERRUPT).</param>
    /// <param name="nodeId">The node the request is about.</param>
    /// <param name="argument">The argument's bytes.</param>
    /// <param name="callback">Called once with the reply, or with the exception that ended the request.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    /// <param name="name">The first name, without NUL.</param>
    /// <param name="name2">The second name, without NUL.</param>
    /// <param name="data">Trailing data.</param>
    /// <exception cref="ArgumentException">The parts do not make a valid request.</exception>
    /// <exception cref="FuseConnectionClosedException">The connection is closed.</exception>
    public void Send(
        FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> argument, FuseReplyCallback callback, object? state = null,
        ReadOnlySpan<byte> name = default, ReadOnlySpan<byte> name2 = default, ReadOnlySpan<byte> data = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (Start(opcode, nodeId, argument, name, name2, data, FuseReplyTarget.Payload, default, callback, state, CancellationToken.None, out Exception? failure) is null)
        {
            throw failure!;
        }
    }

    /// <summary>Sends a request that gets no reply (FORGET, BATCH_FORGET) from its parts, without waiting.</summary>
    /// <param name="opcode">FORGET or BATCH_FORGET.</param>
    /// <param name="nodeId">The node (FORGET), or 0.</param>
    /// <param name="argument">The argument's bytes.</param>
    /// <param name="data">Trailing data (BATCH_FORGET's records).</param>
    /// <exception cref="ArgumentException">The opcode is answered, or the parts are not valid.</exception>
    /// <exception cref="FuseConnectionClosedException">The connection is closed.</exception>
    public void SendNoReply(FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> data = default) =>
        StartNoReply(opcode, nodeId, argument, data);

    private static ReadOnlySpan<byte> Bytes<T>(in T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));

    /// <summary>Encodes a name as UTF-8 into <paramref name="scratch"/> (or a new array when it is long).</summary>
    private static ReadOnlySpan<byte> Utf8(string value, Span<byte> scratch, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        return Encoding.UTF8.GetMaxByteCount(value.Length) <= scratch.Length
            ? scratch[..Encoding.UTF8.GetBytes(value, scratch)]
            : Encoding.UTF8.GetBytes(value);
    }

    private ValueTask<T> Call<T>(
        FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> name, ReadOnlySpan<byte> name2, ReadOnlySpan<byte> data,
        CancellationToken cancellationToken, FuseReplyTarget target = FuseReplyTarget.Payload, Memory<byte> destination = default)
    {
        FuseClientRequest? request = Start(opcode, nodeId, argument, name, name2, data, target, destination, null, null, cancellationToken, out Exception? failure);
        return request is null ? ValueTask.FromException<T>(failure!) : new ValueTask<T>((IValueTaskSource<T>)(object)request, request.Version);
    }

    private ValueTask Call(
        FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> argument, ReadOnlySpan<byte> name, ReadOnlySpan<byte> name2, ReadOnlySpan<byte> data,
        CancellationToken cancellationToken)
    {
        FuseClientRequest? request = Start(opcode, nodeId, argument, name, name2, data, FuseReplyTarget.Payload, default, null, null, cancellationToken, out Exception? failure);
        return request is null ? ValueTask.FromException(failure!) : new ValueTask(request, request.Version);
    }
}
