using FuseWire.Abi;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>The fields a decoder must report for a malformed frame: the rule, the opcode, the unique and the byte offset.</summary>
internal readonly record struct ExpectedError(FuseProtocolRule Rule, FuseOpcode Opcode, ulong Unique, int Offset)
{
    public void AssertMatches(in FuseProtocolError error)
    {
        Assert.Equal(Rule, error.Rule);
        Assert.Equal(Opcode, error.Opcode);
        Assert.Equal(Unique, error.Unique);
        Assert.Equal(Offset, error.Offset);
    }

    public void AssertMatches(FuseProtocolException exception)
    {
        Assert.Equal(Rule, exception.Rule);
        Assert.Equal(Opcode, exception.Opcode);
        Assert.Equal(Unique, exception.Unique);
        Assert.Equal(Offset, exception.Offset);
    }
}
