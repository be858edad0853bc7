using FuseWire.Abi;
using FuseWire.Protocol;
using Xunit;

namespace FuseWire.Tests.Protocol;

public class FuseProtocolTests
{
    [Theory]
    [InlineData(45u, 45u)]
    [InlineData(31u, 31u)]
    [InlineData(99u, 45u)]
    [InlineData(8u, 8u)]
    public void Negotiate_takes_the_smaller_minor(uint peer, uint expected)
    {
        FuseProtocol p = FuseProtocol.Negotiate(peer, FuseInitFlags.AsyncRead, FuseInitFlags.AsyncRead);
        Assert.Equal(expected, p.Minor);
    }

    [Fact]
    public void Negotiate_keeps_only_flags_both_sides_want_and_the_high_word_only_with_init_ext()
    {
        FuseInitFlags offered = FuseInitFlags.AsyncRead | FuseInitFlags.PosixLocks | FuseInitFlags.SecurityCtx;
        FuseInitFlags wanted = FuseInitFlags.AsyncRead | FuseInitFlags.SecurityCtx | FuseInitFlags.WritebackCache;

        FuseProtocol withoutExt = FuseProtocol.Negotiate(45, offered, wanted);
        FuseProtocol withExt = FuseProtocol.Negotiate(45, offered | FuseInitFlags.InitExt, wanted | FuseInitFlags.InitExt);

        Assert.Equal(FuseInitFlags.AsyncRead, withoutExt.Flags);
        Assert.Equal(FuseInitFlags.AsyncRead | FuseInitFlags.SecurityCtx | FuseInitFlags.InitExt, withExt.Flags);
        Assert.True(withExt.Has(FuseInitFlags.SecurityCtx));
        Assert.False(withoutExt.Has(FuseInitFlags.SecurityCtx));
    }

    [Fact]
    public void FlagsOf_reads_flags2_only_with_init_ext()
    {
        FuseProtocol.Split(FuseInitFlags.AsyncRead | FuseInitFlags.InitExt | FuseInitFlags.Passthrough, out uint low, out uint high);
        FuseInitIn withExt = new() { Flags = low, Flags2 = high };
        FuseInitIn withoutExt = new() { Flags = (uint)FuseInitFlags.AsyncRead, Flags2 = high };

        Assert.Equal(FuseInitFlags.AsyncRead | FuseInitFlags.InitExt | FuseInitFlags.Passthrough, FuseProtocol.FlagsOf(withExt));
        Assert.Equal(FuseInitFlags.AsyncRead, FuseProtocol.FlagsOf(withoutExt));
        Assert.Equal(1u << 5, high);
    }

    [Theory]
    [InlineData(8u, 120, 96, 24, 24, 80)]
    [InlineData(9u, 128, 104, 40, 40, 80)]
    [InlineData(3u, 120, 96, 24, 24, 48)]
    [InlineData(45u, 128, 104, 40, 40, 80)]
    public void Sizes_follow_the_minor(uint minor, int entry, int attr, int read, int write, int statfs)
    {
        FuseProtocol p = FuseProtocol.Latest.WithMinor(minor);
        Assert.Equal(entry, p.EntryOutSize);
        Assert.Equal(attr, p.AttrOutSize);
        Assert.Equal(read, p.ReadInSize);
        Assert.Equal(write, p.WriteInSize);
        Assert.Equal(statfs, p.StatfsOutSize);
    }

    [Theory]
    [InlineData(4u, 8)]
    [InlineData(5u, 24)]
    [InlineData(22u, 24)]
    [InlineData(23u, 64)]
    public void Init_out_size_follows_the_reply_minor(uint minor, int size) => Assert.Equal(size, FuseProtocol.InitOutSize(minor));

    [Theory]
    [InlineData(35u, 16)]
    [InlineData(36u, 64)]
    public void Init_in_size_follows_the_request_minor(uint minor, int size) => Assert.Equal(size, FuseProtocol.InitInSize(minor));

    [Fact]
    public void Setxattr_size_is_decided_by_the_flag_not_the_minor()
    {
        Assert.Equal(16, FuseProtocol.Latest.SetxattrInSize);
        Assert.Equal(8, (FuseProtocol.Latest with { Flags = FuseInitFlags.InitExt }).SetxattrInSize);
        Assert.Equal(16, new FuseProtocol(33, FuseInitFlags.SetxattrExt).SetxattrInSize);
    }
}
