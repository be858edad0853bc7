using System;
using System.Text;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;

namespace FuseWire.Tests.Codec;

/// <summary>A request with distinctive contents for one opcode at one protocol: every part the opcode carries is set and non-zero.</summary>
internal sealed class RequestSample
{
    private RequestSample(FuseOpcode opcode, FuseProtocol protocol)
    {
        Opcode = opcode;
        Protocol = protocol;
        Header = new FuseInHeader
        {
            Opcode = opcode,
            Unique = 0x1122_3344_5566_0000UL + (uint)opcode,
            NodeId = 0x0102_0304_0506_0708UL,
            Uid = 1001,
            Gid = 1002,
            Pid = 4242,
        };
    }

    public FuseOpcode Opcode { get; }

    public FuseProtocol Protocol { get; }

    public FuseInHeader Header { get; }

    /// <summary>The full (7.45) argument struct's bytes; the writer cuts them to the wire size.</summary>
    public byte[] Argument { get; private set; } = [];

    public byte[] Name { get; private set; } = [];

    public byte[] Name2 { get; private set; } = [];

    public byte[] Data { get; private set; } = [];

    public byte[] Extensions { get; private set; } = [];

    /// <summary>The group ids in the supplementary-groups extension, when there is one.</summary>
    public uint[] Groups { get; } = [20, 27, 1000];

    public const string SecurityName = "security.selinux";

    /// <summary>The security context's value, when there is one.</summary>
    public byte[] SecurityValue { get; } = Encoding.UTF8.GetBytes("unconfined_u:object_r:user_home_t:s0\0");

    /// <summary>The minor INIT states (the protocol's minor), which sizes its argument.</summary>
    public uint InitMinor => Protocol.Minor;

    /// <summary>The argument's size on the wire.</summary>
    public int ArgumentWireSize => RequestArgumentTypes.WireSize(Opcode, Protocol, InitMinor);

    /// <summary>The frame's expected length.</summary>
    public int ExpectedLength =>
        FuseInHeader.StructSize + ArgumentWireSize + NameBytes(Name) + NameBytes(Name2) + Data.Length + Extensions.Length;

    /// <summary>Whether this sample carries extensions (CREATE and MKDIR at 7.38 and later).</summary>
    public bool HasExtensions => Extensions.Length != 0;

    public static RequestSample Create(FuseOpcode opcode, FuseProtocol protocol, int seed = 1)
    {
        RequestSample s = new(opcode, protocol);
        s.Argument = DistinctArgument(opcode, seed);
        (s.Name, s.Name2) = NamesFor(opcode);
        s.Data = DataFor(opcode, seed);
        FixCounts(opcode, s.Argument, s.Data.Length, protocol.Minor);
        if (protocol.HasExtensions && opcode is FuseOpcode.Create or FuseOpcode.Mkdir)
        {
            byte[] groups = RequestExtensions.SupplementaryGroups(s.Groups);
            byte[] secctx = RequestExtensions.SecurityContext(SecurityName, s.SecurityValue);
            s.Extensions = [.. groups, .. secctx];
        }

        return s;
    }

    /// <summary>Writes the frame with <see cref="FuseRequestWriter"/>.</summary>
    public byte[] Write()
    {
        FuseProtocol protocol = Protocol;
        FuseInHeader header = Header;
        return WireBytes.Capture(o => FuseRequestWriter.Write(o, protocol, header, Argument, Name, Name2, Data, Extensions));
    }

    /// <summary>The names an opcode carries: an entry name, RENAME's two, SYMLINK's name and target, an xattr name, TMPFILE's "/".</summary>
    public static (byte[] Name, byte[] Name2) NamesFor(FuseOpcode opcode) => opcode switch
    {
        FuseOpcode.Lookup or FuseOpcode.Unlink or FuseOpcode.Rmdir or FuseOpcode.Mknod or FuseOpcode.Mkdir or FuseOpcode.Create
            or FuseOpcode.Link => (Utf8("entry-name.txt"), []),
        FuseOpcode.Rename or FuseOpcode.Rename2 => (Utf8("old name"), Utf8("new-name-which-is-longer")),
        FuseOpcode.Symlink => (Utf8("link"), Utf8("/target/of the/link")),
        FuseOpcode.Setxattr or FuseOpcode.Getxattr or FuseOpcode.Removexattr => (Utf8("user.fusewire.test"), []),
        FuseOpcode.Tmpfile => (Utf8("/"), []),
        _ => ([], []),
    };

    /// <summary>The trailing data an opcode carries: WRITE data, SETXATTR value, IOCTL input, NOTIFY_REPLY data, forget and mapping entries.</summary>
    public static byte[] DataFor(FuseOpcode opcode, int seed) => opcode switch
    {
        FuseOpcode.Write => WireBytes.Pattern(37, seed),
        FuseOpcode.Setxattr => WireBytes.Pattern(11, seed + 1),
        FuseOpcode.Ioctl => WireBytes.Pattern(9, seed + 2),
        FuseOpcode.NotifyReply => WireBytes.Pattern(13, seed + 3),
        FuseOpcode.BatchForget => WireBytes.Pattern(3 * FuseForgetOne.StructSize, seed + 4),
        FuseOpcode.Removemapping => WireBytes.Pattern(2 * FuseRemovemappingOne.StructSize, seed + 5),
        _ => [],
    };

    /// <summary>The full argument struct of <paramref name="opcode"/> with distinctive non-zero bytes (empty when it has none).</summary>
    public static byte[] DistinctArgument(FuseOpcode opcode, int seed)
    {
        DistinctVisitor visitor = new(seed);
        return RequestArgumentTypes.Dispatch(opcode, visitor) ? visitor.Bytes : [];
    }

    /// <summary>Makes the argument's counts and sizes agree with the data, and INIT's version fields valid.</summary>
    public static void FixCounts(FuseOpcode opcode, Span<byte> argument, int dataLength, uint minor)
    {
        switch (opcode)
        {
            case FuseOpcode.Write or FuseOpcode.NotifyReply:
                WireBytes.PutUInt32(argument, 16, (uint)dataLength);
                break;
            case FuseOpcode.Setxattr:
                WireBytes.PutUInt32(argument, 0, (uint)dataLength);
                break;
            case FuseOpcode.Ioctl:
                WireBytes.PutUInt32(argument, 24, (uint)dataLength);
                break;
            case FuseOpcode.BatchForget:
                WireBytes.PutUInt32(argument, 0, (uint)(dataLength / FuseForgetOne.StructSize));
                break;
            case FuseOpcode.Removemapping:
                WireBytes.PutUInt32(argument, 0, (uint)(dataLength / FuseRemovemappingOne.StructSize));
                break;
            case FuseOpcode.Init or FuseOpcode.CuseInit:
                WireBytes.PutUInt32(argument, 0, FuseConstants.KernelVersion);
                WireBytes.PutUInt32(argument, 4, minor);
                break;
            default:
                break;
        }
    }

    private static int NameBytes(byte[] name) => name.Length == 0 ? 0 : name.Length + 1;

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private sealed class DistinctVisitor(int seed) : IStructVisitor
    {
        public byte[] Bytes { get; private set; } = [];

        public void Visit<T>()
            where T : unmanaged => Bytes = WireBytes.Of(WireBytes.Distinct<T>(seed));
    }
}
