using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Transports;

namespace FuseWire.Cli.Tests.Recording;

/// <summary>Plays the kernel over a transport: writes request frames with increasing uniques and reads the daemon's replies, each bounded in time.</summary>
internal sealed class KernelPeer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly FuseTransport _transport;
    private readonly byte[] _buffer = new byte[(1 << 20) + 8192];
    private readonly ArrayBufferWriter<byte> _output = new();
    private ulong _unique;

    public KernelPeer(FuseTransport transport)
    {
        _transport = transport;
    }

    public FuseProtocol Protocol { get; private set; } = FuseProtocol.Initial;

    /// <summary>INIT as a 7.45 kernel; adopts the negotiated protocol.</summary>
    public void Init(FuseInitFlags offered)
    {
        FuseProtocol.Split(offered, out uint low, out uint high);
        FuseInitIn init = new() { Major = 7, Minor = FuseConstants.KernelMinorVersion, MaxReadahead = 128 * 1024, Flags = low, Flags2 = high };
        ulong unique = Send(FuseOpcode.Init, 0, init);
        byte[] reply = Receive();
        FuseInitOut initOut = FuseReply.Parse(reply, new FuseReplyContext(FuseOpcode.Init, unique), Protocol).GetArgument<FuseInitOut>();
        Protocol = FuseProtocol.Negotiate(initOut.Minor, offered, FuseProtocol.FlagsOf(initOut));
    }

    /// <summary>Sends a request and returns its unique.</summary>
    public ulong Send<TArg>(FuseOpcode opcode, ulong nodeId, in TArg arg, string? name = null, string? name2 = null, ReadOnlySpan<byte> data = default)
        where TArg : unmanaged =>
        SendBytes(opcode, nodeId, MemoryMarshal.AsBytes(new ReadOnlySpan<TArg>(in arg)), name, name2, data);

    /// <summary>Sends a request without a fixed argument.</summary>
    public ulong SendNoArg(FuseOpcode opcode, ulong nodeId, string? name = null, string? name2 = null) =>
        SendBytes(opcode, nodeId, default, name, name2, default);

    /// <summary>Sends a request and reads its reply.</summary>
    public byte[] Call<TArg>(FuseOpcode opcode, ulong nodeId, in TArg arg, string? name = null, string? name2 = null, ReadOnlySpan<byte> data = default)
        where TArg : unmanaged
    {
        _ = Send(opcode, nodeId, arg, name, name2, data);
        return Receive();
    }

    /// <summary>Sends a request without an argument and reads its reply.</summary>
    public byte[] CallNoArg(FuseOpcode opcode, ulong nodeId, string? name = null, string? name2 = null)
    {
        _ = SendNoArg(opcode, nodeId, name, name2);
        return Receive();
    }

    /// <summary>Reads the next frame from the daemon, failing after 10 s.</summary>
    public byte[] Receive()
    {
        Task<byte[]> read = Task.Run(() =>
        {
            FuseReadStatus status = _transport.Read(_buffer, out int length);
            return status == FuseReadStatus.Frame ? _buffer.AsSpan(0, length).ToArray() : throw new InvalidOperationException("read " + status);
        });
        return read.Wait(Timeout) ? read.Result : throw new TimeoutException("no frame from the daemon within 10 s");
    }

    private ulong SendBytes(FuseOpcode opcode, ulong nodeId, ReadOnlySpan<byte> arg, string? name, string? name2, ReadOnlySpan<byte> data)
    {
        _unique += 2;
        _output.ResetWrittenCount();
        FuseInHeader header = new() { Opcode = opcode, Unique = _unique, NodeId = nodeId, Uid = 1000, Gid = 1000, Pid = 4242 };
        _ = FuseRequestWriter.Write(
            _output, Protocol, header, arg,
            name is null ? default : Encoding.UTF8.GetBytes(name),
            name2 is null ? default : Encoding.UTF8.GetBytes(name2),
            data);
        int status = _transport.Write(_output.WrittenSpan);
        return status == 0 ? _unique : throw new InvalidOperationException("write failed: " + status);
    }
}
