using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>Every rule is broken by at least one frame; adding a rule without a frame that breaks it fails <see cref="Every_rule_has_a_frame_that_breaks_it"/>.</summary>
public class RuleCoverageTests
{
    [Theory]
    [InlineData(FuseProtocolRule.HeaderTruncated)]
    [InlineData(FuseProtocolRule.LengthBelowHeader)]
    [InlineData(FuseProtocolRule.LengthMismatch)]
    [InlineData(FuseProtocolRule.LengthAboveMaximum)]
    [InlineData(FuseProtocolRule.UnknownOpcode)]
    [InlineData(FuseProtocolRule.PayloadTooShort)]
    [InlineData(FuseProtocolRule.PayloadTooLong)]
    [InlineData(FuseProtocolRule.NameNotTerminated)]
    [InlineData(FuseProtocolRule.NameEmpty)]
    [InlineData(FuseProtocolRule.NameContainsSlash)]
    [InlineData(FuseProtocolRule.NameTooLong)]
    [InlineData(FuseProtocolRule.CountMismatch)]
    [InlineData(FuseProtocolRule.ExtensionMalformed)]
    [InlineData(FuseProtocolRule.UnsupportedVersion)]
    [InlineData(FuseProtocolRule.ErrorOutOfRange)]
    [InlineData(FuseProtocolRule.ErrorWithPayload)]
    [InlineData(FuseProtocolRule.UniqueNotOutstanding)]
    [InlineData(FuseProtocolRule.DuplicateReply)]
    [InlineData(FuseProtocolRule.ReplyToNoReplyOpcode)]
    [InlineData(FuseProtocolRule.UnknownNotifyCode)]
    [InlineData(FuseProtocolRule.DirentMalformed)]
    public void Rule_is_broken_by_its_catalogue_frame(FuseProtocolRule rule)
    {
        FuseProtocolError error = RuleCatalogue.Break(rule);

        Assert.Equal(rule, error.Rule);
        Assert.True(error.IsError);
    }

    [Fact]
    public void Every_rule_has_a_frame_that_breaks_it()
    {
        MethodInfo theory = typeof(RuleCoverageTests).GetMethod(nameof(Rule_is_broken_by_its_catalogue_frame))!;
        HashSet<FuseProtocolRule> covered = theory.GetCustomAttributes<InlineDataAttribute>()
            .SelectMany(data => data.GetData(theory))
            .Select(row => (FuseProtocolRule)row[0])
            .ToHashSet();
        HashSet<FuseProtocolRule> required = Enum.GetValues<FuseProtocolRule>()
            .Where(rule => rule != FuseProtocolRule.None)
            .Except(RuleCatalogue.Unproduced)
            .ToHashSet();

        Assert.Equal(required.OrderBy(r => r), covered.OrderBy(r => r));
    }
}
