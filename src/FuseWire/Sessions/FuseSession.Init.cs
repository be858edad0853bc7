using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Sessions;

/// <content>INIT negotiation and DESTROY.</content>
public sealed partial class FuseSession
{
    private void HandleInit(in FuseRequest request, FuseReplySink reply)
    {
        FuseInitIn kernel = request.GetArgument<FuseInitIn>();
        FuseInitOut answer = new()
        {
            Major = FuseConstants.KernelVersion,
            Minor = Math.Min(kernel.Minor, FuseConstants.KernelMinorVersion),
        };

        if (_initialized)
        {
            reply.Error(Errno.EIO);
            return;
        }

        FuseInitFlags offered = FuseProtocol.FlagsOf(kernel);
        FuseInitFlags flags = offered & _options.WantedFlags;
        uint maxWrite = _options.MaxWrite;
        answer.MaxReadahead = _options.MaxReadahead == 0 ? kernel.MaxReadahead : Math.Min(_options.MaxReadahead, kernel.MaxReadahead);
        answer.MaxBackground = _options.MaxBackground;
        answer.CongestionThreshold = _options.CongestionThreshold;
        answer.MaxWrite = maxWrite;
        answer.TimeGran = _options.TimeGran;
        answer.MaxPages = (ushort)Math.Min((maxWrite - 1) / 4096 + 1, ushort.MaxValue);
        FuseProtocol.Split(flags, out answer.Flags, out answer.Flags2);
        _fileSystem.Init(kernel, ref answer);

        FuseInitFlags accepted = FuseProtocol.FlagsOf(answer) & offered;
        _protocol = new FuseProtocol(answer.Minor, accepted, (uint)BufferSize);
        FuseReplyWriter.WriteInit(reply.BeginRaw(), request.Unique, answer);
        _initialized = true; // before the reply leaves: the kernel's next request may arrive at once
        reply.SendRaw(FuseOutHeader.StructSize + FuseProtocol.InitOutSize(answer.Minor));
    }

    private void HandleDestroy(FuseReplySink reply)
    {
        if (!_destroyed)
        {
            _destroyed = true;
            _fileSystem.Destroy();
        }

        reply.Ok();
    }
}
