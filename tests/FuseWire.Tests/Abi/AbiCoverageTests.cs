using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Part 3: nothing escapes the checks. Every ABI struct, field and constant is checked against the C header or the
/// 7.45 table, and everything the C header defines has a C# counterpart.
/// </summary>
public sealed class AbiCoverageTests(ITestOutputHelper output)
{
    /// <summary>The prefixes of the header's FUSE constants.</summary>
    private static readonly string[] ConstantPrefixes = ["FUSE_", "FATTR_", "FOPEN_", "CUSE_"];

    /// <summary>
    /// Header names that need no C# counterpart: a count that is not part of the protocol (and is gone in 7.45), a value
    /// that depends on the kernel's PAGE_SIZE, and offsetof expressions (checked anyway when a C# constant names them).
    /// </summary>
    private static readonly HashSet<string> ExemptConstants = new(StringComparer.Ordinal)
    {
        "FUSE_NOTIFY_CODE_MAX",
        "FUSE_REMOVEMAPPING_MAX_ENTRY",
        "FUSE_NAME_OFFSET",
        "FUSE_NAME_OFFSET_DIRENTPLUS",
    };

    [Fact]
    public void EveryAbiStruct_IsCheckedAgainstTheCHeaderOrThe745Table()
    {
        HashSet<Type> againstC = HeaderCheckPlan.Structs.Select(s => s.Type).ToHashSet();
        var againstTable = new List<Type>();
        var failures = new List<string>();
        foreach (AbiStruct s in AbiCatalog.Structs)
        {
            bool inTable = s.CName is not null && Fuse745Table.Structs.Any(t => t.Name == s.CName);
            if (inTable)
            {
                againstTable.Add(s.Type);
            }

            if (!againstC.Contains(s.Type) && !inTable)
            {
                failures.Add($"{s.Type.Name} (struct {s.CName ?? "?"}) is neither in {KernelHeaders.FuseHeaderPath} nor in the 7.45 table");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{AbiCatalog.Structs.Count} ABI structs: {againstC.Count} checked against C, {againstTable.Count} against the 7.45 table."));
        AbiAssert.NoFailures(failures, "ABI structs are not checked");
    }

    [Fact]
    public void EveryAbiField_IsCheckedAgainstTheCHeaderOrThe745Table()
    {
        HashSet<AbiField> againstC = HeaderCheckPlan.Fields.Select(p => p.Field).ToHashSet();
        int againstTable = 0;
        var failures = new List<string>();
        foreach (AbiStruct s in AbiCatalog.Structs)
        {
            foreach (AbiField f in s.Fields)
            {
                bool inTable = s.CName is not null && f.CName is not null && Fuse745Table.FindField(s.CName, f.CName) is not null;
                againstTable += inTable ? 1 : 0;
                if (!againstC.Contains(f) && !inTable)
                {
                    failures.Add($"{f.DisplayName} ({s.CName ?? "?"}.{f.CName ?? "?"}) is neither in {KernelHeaders.FuseHeaderPath} (in its 7.45 form) nor in the 7.45 table");
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{AbiCatalog.Structs.Sum(s => s.Fields.Count)} ABI fields: {againstC.Count} checked against C, {againstTable} against the 7.45 table."));
        AbiAssert.NoFailures(failures, "ABI fields are not checked");
    }

    [Fact]
    public void EveryAbiConstant_IsCheckedAgainstTheCHeaderOrThe745Table()
    {
        HashSet<AbiConstant> againstC = HeaderCheckPlan.Constants.Select(p => p.Constant).ToHashSet();
        int againstTable = 0;
        int literal = 0;
        var failures = new List<string>();
        foreach (AbiConstant c in AbiCatalog.Constants)
        {
            bool inTable = Fuse745Table.FindConstant(c.Key) is not null;
            againstTable += inTable ? 1 : 0;
            literal += c.IsLiteralDoc ? 1 : 0;
            if (!againstC.Contains(c) && !inTable && !c.IsLiteralDoc)
            {
                failures.Add($"{c.DisplayName} ({c.Key}) is neither defined by the local headers (with its 7.45 value) nor in the 7.45 table");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{AbiCatalog.Constants.Count} ABI constants: {againstC.Count} checked against C, {againstTable} against the 7.45 table, {literal} documented as a literal (None = 0)."));
        AbiAssert.NoFailures(failures, "ABI constants are not checked");
    }

    [Fact]
    public void EveryStructOfTheCHeader_HasACSharpCounterpart()
    {
        string[] failures = KernelHeaders.Fuse.Structs.Keys
            .Where(name => AbiCatalog.StructByCName(name) is null)
            .Select(name => $"struct {name} of {KernelHeaders.FuseHeaderPath} has no C# counterpart in {AbiCatalog.AbiNamespace}")
            .ToArray();
        AbiAssert.NoFailures(failures, "structs of the C header are left out");
    }

    [Fact]
    public void EveryMemberOfTheCHeader_HasACSharpCounterpart()
    {
        var failures = new List<string>();
        foreach ((string structName, IReadOnlyList<CHeaderField> members) in KernelHeaders.Fuse.Structs)
        {
            if (AbiCatalog.StructByCName(structName) is not { } s)
            {
                continue; // reported by EveryStructOfTheCHeader_HasACSharpCounterpart
            }

            foreach (CHeaderField m in members.Where(m => !m.IsFlexibleArray))
            {
                bool renamed = Fuse745Table.Fields.Any(f => f.Struct == structName && f.Replaces == m.Name);
                if (s.FieldByCName(m.Name) is null && !renamed)
                {
                    failures.Add($"{structName}.{m.Name} has no field in {s.Type.Name}");
                }
            }
        }

        AbiAssert.NoFailures(failures, "members of the C header are left out");
    }

    [Fact]
    public void EveryConstantOfTheCHeader_IsDocumentedByACSharpMember()
    {
        HashSet<string> documented = AbiCatalog.Constants.Where(c => c.KernelName is not null).Select(c => c.KernelName!).ToHashSet(StringComparer.Ordinal);
        string[] failures = KernelHeaders.Fuse.ObjectMacros.Concat(KernelHeaders.Fuse.Enumerators)
            .Where(name => ConstantPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            .Where(name => !ExemptConstants.Contains(name) && !documented.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => $"{name} of {KernelHeaders.FuseHeaderPath} is documented by no C# enum member or constant")
            .ToArray();
        AbiAssert.NoFailures(failures, "constants of the C header are left out");
    }
}
