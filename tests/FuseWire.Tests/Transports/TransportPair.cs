using System;
using System.Net;
using System.Net.Sockets;
using FuseWire.Protocol;
using FuseWire.Transports;

namespace FuseWire.Tests.Transports;

/// <summary>The two ends of a connection of one kind: SOCK_SEQPACKET pair, Unix SOCK_STREAM pair, or TCP over loopback.</summary>
internal sealed class TransportPair : IDisposable
{
    public const string SeqPacket = "seqpacket";
    public const string UnixStream = "unix-stream";
    public const string Tcp = "tcp";

    private TransportPair(FuseTransport first, FuseTransport second)
    {
        First = first;
        Second = second;
    }

    public FuseTransport First { get; }

    public FuseTransport Second { get; }

    public static TransportPair Create(string kind, int maxFrameLength = (int)FuseProtocol.DefaultMaxFrameLength)
    {
        switch (kind)
        {
            case SeqPacket:
            {
                (FuseSocketTransport first, FuseSocketTransport second) = FuseSocketTransport.CreatePair();
                return new TransportPair(first, second);
            }

            case UnixStream:
            {
                (FuseStreamTransport first, FuseStreamTransport second) = FuseStreamTransport.CreatePair(maxFrameLength);
                return new TransportPair(first, second);
            }

            default:
            {
                (FuseStreamTransport first, FuseStreamTransport second) = CreateTcp(maxFrameLength);
                return new TransportPair(first, second);
            }
        }
    }

    /// <summary>Connects over TCP loopback: the connection completes in the listener's backlog, then is accepted.</summary>
    public static (FuseStreamTransport Client, FuseStreamTransport Server) CreateTcp(int maxFrameLength = (int)FuseProtocol.DefaultMaxFrameLength)
    {
        using Socket listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        FuseStreamTransport client = FuseStreamTransport.Connect(listener.LocalEndPoint!, maxFrameLength);
        FuseStreamTransport server = FuseStreamTransport.Accept(listener, maxFrameLength);
        return (client, server);
    }

    public void Dispose()
    {
        First.Dispose();
        Second.Dispose();
    }
}
