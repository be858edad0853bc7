using System;
using FuseWire.Abi;
using FuseWire.Codec;
using FuseWire.Protocol;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Codec;

/// <summary>The request sizes that depend on the minor or on FUSE_SETXATTR_EXT, stated as facts with the fields an old minor does not carry.</summary>
public sealed class RequestSizesPerMinorTests
{
    private static FuseProtocol At(uint minor) => FuseProtocol.Latest.WithMinor(minor);

    [Fact]
    public void Getattr_HasNoArgumentAt7_8_And16BytesAt7_9()
    {
        RequestSample old = RequestSample.Create(FuseOpcode.Getattr, At(8));
        byte[] frame8 = old.Write();
        Assert.Equal(40, frame8.Length);
        FuseRequest request8 = FuseRequest.Parse(frame8, At(8));
        Assert.True(request8.Argument.IsEmpty);
        FuseGetattrIn arg8 = request8.GetArgument<FuseGetattrIn>();
        Assert.Equal(0u, arg8.GetattrFlags);
        Assert.Equal(0u, arg8.Dummy);
        Assert.Equal(0ul, arg8.Fh);

        RequestSample current = RequestSample.Create(FuseOpcode.Getattr, At(9));
        byte[] frame9 = current.Write();
        Assert.Equal(40 + 16, frame9.Length);
        FuseGetattrIn arg9 = FuseRequest.Parse(frame9, At(9)).GetArgument<FuseGetattrIn>();
        WireBytes.AssertSame(WireBytes.Distinct<FuseGetattrIn>(1), arg9);
        Assert.NotEqual(0ul, arg9.Fh);
    }

    [Theory]
    [InlineData(FuseOpcode.Read)]
    [InlineData(FuseOpcode.Readdir)]
    [InlineData(FuseOpcode.Readdirplus)]
    public void ReadIn_Is24BytesBefore7_9(FuseOpcode opcode)
    {
        FuseReadIn written = WireBytes.Distinct<FuseReadIn>(3);
        FuseInHeader header = new() { Opcode = opcode, Unique = 9 };
        byte[] frame8 = WireBytes.Capture(o => FuseRequestWriter.Write(o, At(8), header, written));
        Assert.Equal(40 + 24, frame8.Length);
        FuseReadIn read8 = FuseRequest.Parse(frame8, At(8)).GetArgument<FuseReadIn>();
        Assert.Equal(written.Fh, read8.Fh);
        Assert.Equal(written.Offset, read8.Offset);
        Assert.Equal(written.Size, read8.Size);
        Assert.Equal(written.ReadFlags, read8.ReadFlags);
        Assert.Equal(0ul, read8.LockOwner);
        Assert.Equal(0u, read8.Flags);
        Assert.Equal(0u, read8.Padding);

        byte[] frame9 = WireBytes.Capture(o => FuseRequestWriter.Write(o, At(9), header, written));
        Assert.Equal(40 + 40, frame9.Length);
        WireBytes.AssertSame(written, FuseRequest.Parse(frame9, At(9)).GetArgument<FuseReadIn>());
    }

    [Fact]
    public void WriteIn_Is24BytesBefore7_9_AndTheDataFollowsIt()
    {
        RequestSample old = RequestSample.Create(FuseOpcode.Write, At(8));
        byte[] frame8 = old.Write();
        Assert.Equal(40 + 24 + old.Data.Length, frame8.Length);
        FuseRequest request8 = FuseRequest.Parse(frame8, At(8));
        FuseWriteIn arg8 = request8.GetArgument<FuseWriteIn>();
        Assert.Equal((uint)old.Data.Length, arg8.Size);
        Assert.NotEqual(0ul, arg8.Fh);
        Assert.NotEqual(0u, arg8.WriteFlags);
        Assert.Equal(0ul, arg8.LockOwner);
        Assert.Equal(0u, arg8.Flags);
        Assert.Equal(0u, arg8.Padding);
        Assert.Equal(old.Data, request8.Data.ToArray());

        RequestSample current = RequestSample.Create(FuseOpcode.Write, At(9));
        byte[] frame9 = current.Write();
        Assert.Equal(40 + 40 + current.Data.Length, frame9.Length);
        FuseWriteIn arg9 = FuseRequest.Parse(frame9, At(9)).GetArgument<FuseWriteIn>();
        Assert.NotEqual(0ul, arg9.LockOwner);
        Assert.NotEqual(0u, arg9.Flags);
    }

    [Fact]
    public void Mknod_Is8BytesBefore7_12()
    {
        RequestSample old = RequestSample.Create(FuseOpcode.Mknod, At(11));
        byte[] frame = old.Write();
        Assert.Equal(40 + 8 + old.Name.Length + 1, frame.Length);
        FuseMknodIn arg = FuseRequest.Parse(frame, At(11)).GetArgument<FuseMknodIn>();
        FuseMknodIn full = WireBytes.Distinct<FuseMknodIn>(1);
        Assert.Equal(full.Mode, arg.Mode);
        Assert.Equal(full.Rdev, arg.Rdev);
        Assert.Equal(0u, arg.Umask);
        Assert.Equal(0u, arg.Padding);

        RequestSample current = RequestSample.Create(FuseOpcode.Mknod, At(12));
        byte[] frame12 = current.Write();
        Assert.Equal(40 + 16 + current.Name.Length + 1, frame12.Length);
        Assert.Equal(full.Umask, FuseRequest.Parse(frame12, At(12)).GetArgument<FuseMknodIn>().Umask);
    }

    [Fact]
    public void Create_IsAnOpenInBefore7_12()
    {
        RequestSample old = RequestSample.Create(FuseOpcode.Create, At(11));
        byte[] frame = old.Write();
        Assert.Equal(40 + FuseOpenIn.StructSize + old.Name.Length + 1, frame.Length);
        FuseCreateIn arg = FuseRequest.Parse(frame, At(11)).GetArgument<FuseCreateIn>();
        FuseCreateIn full = WireBytes.Distinct<FuseCreateIn>(1);
        Assert.Equal(full.Flags, arg.Flags);
        Assert.Equal(full.Mode, arg.Mode);
        Assert.Equal(0u, arg.Umask);
        Assert.Equal(0u, arg.OpenFlags);

        RequestSample current = RequestSample.Create(FuseOpcode.Create, At(12));
        Assert.Equal(40 + 16 + current.Name.Length + 1, current.Write().Length);
    }

    [Theory]
    [InlineData(7u, 16)]
    [InlineData(35u, 16)]
    [InlineData(36u, 64)]
    [InlineData(45u, 64)]
    public void InitRequest_IsSizedByTheMinorItStates(uint minor, int size)
    {
        FuseInitIn init = WireBytes.Distinct<FuseInitIn>(5);
        init.Major = 7;
        init.Minor = minor;
        FuseInHeader header = new() { Opcode = FuseOpcode.Init, Unique = 1 };
        byte[] frame = WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Initial, header, init));
        Assert.Equal(40 + size, frame.Length);
        FuseRequest request = FuseRequest.Parse(frame, FuseProtocol.Initial);
        Assert.Equal(size, request.Argument.Length);
        FuseInitIn read = request.GetArgument<FuseInitIn>();
        Assert.Equal(7u, read.Major);
        Assert.Equal(minor, read.Minor);
        Assert.Equal(init.MaxReadahead, read.MaxReadahead);
        Assert.Equal(init.Flags, read.Flags);
        Assert.Equal(size == 64 ? init.Flags2 : 0u, read.Flags2);
        RequestRoundTrip.AssertByteExact(frame, FuseProtocol.Initial);
    }

    [Fact]
    public void InitRequest_WithAnotherMajor_IsRefusedByWriterAndParser()
    {
        FuseInitIn init = new() { Major = 8, Minor = 45 };
        FuseInHeader header = new() { Opcode = FuseOpcode.Init, Unique = 1 };
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Initial, header, init)));

        init.Major = 7;
        byte[] frame = WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Initial, header, init));
        frame[40] = 8;
        FuseProtocolException e = Assert.Throws<FuseProtocolException>(() => FuseRequest.Parse(frame, FuseProtocol.Initial));
        Assert.Equal(FuseProtocolRule.UnsupportedVersion, e.Rule);
        Assert.Equal(FuseOpcode.Init, e.Opcode);
    }

    [Theory]
    [InlineData(false, 8)]
    [InlineData(true, 16)]
    public void SetxattrArgument_Is8BytesWithoutSetxattrExt_And16With(bool setxattrExt, int size)
    {
        FuseProtocol protocol = RequestRoundTripTests.ProtocolFor(45, setxattrExt);
        RequestSample sample = RequestSample.Create(FuseOpcode.Setxattr, protocol);
        byte[] frame = sample.Write();
        Assert.Equal(40 + size + sample.Name.Length + 1 + sample.Data.Length, frame.Length);
        FuseRequest request = FuseRequest.Parse(frame, protocol);
        Assert.Equal(size, request.Argument.Length);
        FuseSetxattrIn arg = request.GetArgument<FuseSetxattrIn>();
        Assert.Equal((uint)sample.Data.Length, arg.Size);
        Assert.NotEqual(0u, arg.Flags);
        Assert.Equal(setxattrExt, arg.SetxattrFlags != 0);
        Assert.Equal(setxattrExt, arg.Padding != 0);
        Assert.Equal("user.fusewire.test", System.Text.Encoding.UTF8.GetString(request.Name));
        Assert.Equal(sample.Data, request.Data.ToArray());
    }

    [Fact]
    public void Extensions_AreOnlyDecodedFrom7_38()
    {
        RequestSample sample = RequestSample.Create(FuseOpcode.Mkdir, At(38));
        byte[] frame = sample.Write();
        FuseRequest request = FuseRequest.Parse(frame, At(38));
        Assert.Equal(sample.Extensions.Length, request.Extensions.Length);
        Assert.Equal(sample.Extensions.Length / 8, request.Header.TotalExtLen);

        RequestSample old = RequestSample.Create(FuseOpcode.Mkdir, At(37));
        Assert.Empty(old.Extensions);
        Assert.True(FuseRequest.Parse(old.Write(), At(37)).Extensions.IsEmpty);
    }

    [Fact]
    public void RequestWriter_RefusesPartsTheOpcodeDoesNotCarry()
    {
        FuseInHeader header = new() { Opcode = FuseOpcode.Getattr, Unique = 3 };
        byte[] arg = new byte[16];
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Latest, header, arg, "x"u8.ToArray())));
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Latest, header, arg, default, default, new byte[] { 1 })));
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Latest, header, new byte[15])));
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Latest, header, arg, default, default, default, new byte[12])));
        FuseInHeader unknown = new() { Opcode = (FuseOpcode)7, Unique = 3 };
        Assert.Throws<ArgumentException>(() => WireBytes.Capture(o => FuseRequestWriter.Write(o, FuseProtocol.Latest, unknown, arg)));
    }
}
