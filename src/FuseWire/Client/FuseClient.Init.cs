using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Protocol;

namespace FuseWire.Client;

/// <content>The INIT handshake, as the kernel does it.</content>
public sealed partial class FuseClient
{
    /// <summary>
    /// Sends INIT offering 7.45 and <see cref="FuseClientOptions.Flags"/> (both words, with FUSE_INIT_EXT), accepts the daemon's minor when it is
    /// older (7.31 for Debian's libfuse 3.14), and negotiates: every later frame is written and decoded at the negotiated minor and flags.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The negotiated protocol.</returns>
    /// <exception cref="Validation.FuseProtocolException">The reply is malformed or states a major other than 7.</exception>
    /// <exception cref="FuseErrnoException">The daemon refused INIT.</exception>
    /// <exception cref="FuseConnectionClosedException">The connection ended first.</exception>
    public async ValueTask<FuseProtocol> InitAsync(CancellationToken cancellationToken = default)
    {
        FuseInitFlags offered = _options.Flags;
        if (((ulong)offered >> 32) != 0)
        {
            offered |= FuseInitFlags.InitExt;
        }

        FuseInitOut reply = await SendInit(offered, cancellationToken).ConfigureAwait(false);
        FuseProtocol negotiated = FuseProtocol.Negotiate(reply.Minor, offered, FuseProtocol.FlagsOf(reply), _options.MaxFrameLength);

        // The kernel's rule: before 7.5 max_write is 4096; never below 4096.
        uint daemonMaxWrite = reply.Minor < 5 ? 4096u : Math.Max(4096u, reply.MaxWrite);
        lock (_gate)
        {
            _initOut = reply;
            Volatile.Write(ref _maxWrite, Math.Min(_options.MaxWrite, daemonMaxWrite));
            Volatile.Write(ref _protocol, new System.Runtime.CompilerServices.StrongBox<FuseProtocol>(negotiated));
        }

        IsInitialized = true;
        return negotiated;
    }

    private ValueTask<FuseInitOut> SendInit(FuseInitFlags offered, CancellationToken cancellationToken)
    {
        FuseProtocol.Split(offered, out uint low, out uint high);
        FuseInitIn init = new()
        {
            Major = FuseConstants.KernelVersion,
            Minor = FuseConstants.KernelMinorVersion,
            MaxReadahead = _options.MaxReadahead,
            Flags = low,
            Flags2 = high,
        };
        return Call<FuseInitOut>(FuseOpcode.Init, 0, MemoryMarshal.AsBytes(new ReadOnlySpan<FuseInitIn>(in init)), default, default, default, cancellationToken);
    }
}
