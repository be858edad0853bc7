using System;
using System.Collections.Generic;
using System.Linq;

namespace FuseWire.Tests.Abi;

/// <summary>
/// What is checked against the local C header (part 1): every ABI struct, field and constant the header has in its 7.45 form,
/// and the C program that gets their sizes, offsets and values from gcc.
/// </summary>
internal static class HeaderCheckPlan
{
    private static readonly Lazy<IReadOnlyDictionary<string, ulong>> LazyResults = new(() => BuildProgram().Run("fusewire_abi_738"));

    /// <summary>
    /// Constants whose doc names no kernel macro but that the headers give as a C expression anyway:
    /// C# name to (expression, the identifier the headers must declare for it to compile).
    /// </summary>
    public static IReadOnlyDictionary<string, (string Expression, string Requires)> ExtraExpressions { get; } =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["FuseConstants.NameMax"] = ("NAME_MAX", "NAME_MAX"),
            ["FuseConstants.PathMax"] = ("PATH_MAX", "PATH_MAX"),
            ["FuseConstants.RecordAlignment"] = ("FUSE_REC_ALIGN(1)", "FUSE_REC_ALIGN"),
            ["FuseConstants.CompatInitInSize"] = ("offsetof(struct fuse_init_in, flags2)", "fuse_init_in"),
        };

    /// <summary>ABI structs whose C struct the header has.</summary>
    public static IReadOnlyList<AbiStruct> Structs =>
        AbiCatalog.Structs.Where(s => s.CName is not null && KernelHeaders.Fuse.Structs.ContainsKey(s.CName)).ToArray();

    /// <summary>ABI fields whose C member the header has, in the form 7.45 has it.</summary>
    public static IReadOnlyList<(AbiStruct Struct, AbiField Field)> Fields =>
        Structs.SelectMany(s => s.Fields.Select(f => (Struct: s, Field: f)))
            .Where(p => p.Field.CName is not null
                && KernelHeaders.Fuse.HasField(p.Struct.CName!, p.Field.CName)
                && !(Fuse745Table.FindField(p.Struct.CName!, p.Field.CName) is { } t && t.Version > KernelHeaders.FuseMinor))
            .ToArray();

    /// <summary>ABI constants the headers define with their 7.45 value, with the C expression to print.</summary>
    public static IReadOnlyList<(AbiConstant Constant, string Expression)> Constants =>
        AbiCatalog.Constants.Select(c => (Constant: c, Expression: ExpressionOf(c)))
            .Where(p => p.Expression is not null)
            .Select(p => (p.Constant, p.Expression!))
            .ToArray();

    /// <summary>The output of the C program (compiled once per test run).</summary>
    public static IReadOnlyDictionary<string, ulong> Results => LazyResults.Value;

    /// <summary>The C program over <see cref="Structs"/>, <see cref="Fields"/> and <see cref="Constants"/>.</summary>
    public static CLayoutProgram BuildProgram()
    {
        var program = new CLayoutProgram();
        program.Include("linux/fuse.h");
        foreach ((string include, _) in KernelHeaders.Extras)
        {
            program.Include(include);
        }

        foreach (AbiStruct s in Structs)
        {
            program.AddStruct(s.CName!);
        }

        foreach ((AbiStruct s, AbiField f) in Fields)
        {
            program.AddField(s.CName!, f.CName!);
        }

        foreach ((AbiConstant c, string expression) in Constants)
        {
            program.AddValue(c.Key, expression);
        }

        return program;
    }

    private static string? ExpressionOf(AbiConstant c)
    {
        if (c.KernelName is { } name)
        {
            bool changedSince = Fuse745Table.FindConstant(name) is { } t && t.Version > KernelHeaders.FuseMinor;
            return KernelHeaders.DefinesValue(name) && !changedSince ? name : null;
        }

        return ExtraExpressions.TryGetValue(c.DisplayName, out var extra) && KernelHeaders.Declares(extra.Requires)
            ? extra.Expression
            : null;
    }
}
