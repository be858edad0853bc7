using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FuseWire.Validation;
using Xunit;

namespace FuseWire.Tests.Validation;

/// <summary>docs/bad-input.md stays true: it lists every rule, and every test it cites exists.</summary>
public partial class BadInputDocumentTests
{
    private static string ReadDocument()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FuseWire.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return File.ReadAllText(Path.Combine(directory.FullName, "docs", "bad-input.md"));
    }

    [GeneratedRegex(@"`([A-Z][A-Za-z]*Tests)\.([A-Za-z0-9_]+)`")]
    private static partial Regex TestReference();

    [Fact]
    public void Catalogue_lists_every_rule()
    {
        string document = ReadDocument();

        foreach (FuseProtocolRule rule in Enum.GetValues<FuseProtocolRule>().Where(r => r != FuseProtocolRule.None))
        {
            Assert.Contains("| `" + rule + "`", document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_test_the_catalogue_cites_exists()
    {
        MatchCollection references = TestReference().Matches(ReadDocument());
        Assert.True(references.Count > 50, "The catalogue cites too few tests: " + references.Count);

        foreach (Match reference in references)
        {
            string className = reference.Groups[1].Value;
            string methodName = reference.Groups[2].Value;
            // The codec's tests are in this namespace; how sessions, clients, proxies and transports handle the same frames is
            // tested in their own namespaces.
            Type? type = typeof(BadInputDocumentTests).Assembly.GetTypes().SingleOrDefault(t => t.Name == className && t.Namespace?.StartsWith("FuseWire.Tests", StringComparison.Ordinal) == true);
            Assert.True(type is not null, "No test class " + className);
            MethodInfo? method = type.GetMethod(methodName);
            Assert.True(method is not null, "No test " + reference.Value);
            Assert.True(method.GetCustomAttributes<FactAttribute>().Any(), reference.Value + " is not a test");
        }
    }
}
