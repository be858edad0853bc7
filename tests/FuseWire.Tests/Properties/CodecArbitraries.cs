using FsCheck;
using FsCheck.Fluent;

namespace FuseWire.Tests.Properties;

/// <summary>The arbitraries the codec properties use (registered with <c>[Property(Arbitrary = ...)]</c>).</summary>
public static class CodecArbitraries
{
    public static Arbitrary<RequestCase> RequestCases() => Arb.From(RequestCaseGen.Any);

    public static Arbitrary<ReplyCase> ReplyCases() => Arb.From(ReplyCaseGen.Any);

    public static Arbitrary<FuzzCase> FuzzCases() => Arb.From(FuzzCaseGen.Any);
}
