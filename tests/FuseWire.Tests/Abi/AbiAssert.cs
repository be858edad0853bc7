using System.Collections.Generic;
using Xunit;

namespace FuseWire.Tests.Abi;

/// <summary>Fails a test with every mismatch found, one a line.</summary>
internal static class AbiAssert
{
    /// <summary>Fails when <paramref name="failures"/> is not empty.</summary>
    public static void NoFailures(IReadOnlyCollection<string> failures, string what)
    {
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} {what}:\n  " + string.Join("\n  ", failures));
        }
    }
}
