using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Keeps the hand-written <see cref="Fuse745Table"/> honest: gcc lays out the 7.45 definitions of
/// <see cref="Fuse745Excerpt"/> and evaluates its macros, and every number of the table must be what gcc finds.
/// </summary>
public sealed class Fuse745TableAgainstGccTests(ITestOutputHelper output)
{
    private static readonly System.Lazy<IReadOnlyDictionary<string, ulong>> Results = new(() => BuildProgram().Run("fusewire_abi_745"));

    [SkippableFact]
    public void TableLayouts_AreWhatGccMakesOfThe745Definitions()
    {
        Skip.If(GccRunner.GccPath is null, GccRunner.SkipReason);
        IReadOnlyDictionary<string, ulong> c = Results.Value;
        var failures = new List<string>();
        foreach (Fuse745Struct s in Fuse745Table.Structs)
        {
            Expect(failures, c, CLayoutProgram.SizeKey(s.Name), (ulong)s.Size);
            foreach (Fuse745Member m in s.Members)
            {
                Expect(failures, c, CLayoutProgram.OffsetKey(s.Name, m.Name), (ulong)m.Offset);
                Expect(failures, c, CLayoutProgram.FieldSizeKey(s.Name, m.Name), (ulong)m.Size);
            }
        }

        foreach (Fuse745Field f in Fuse745Table.Fields)
        {
            Expect(failures, c, CLayoutProgram.OffsetKey(f.Struct, f.Name), (ulong)f.Offset);
            Expect(failures, c, CLayoutProgram.FieldSizeKey(f.Struct, f.Name), (ulong)f.Size);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Count} values computed by gcc from the 7.45 excerpt."));
        AbiAssert.NoFailures(failures, "numbers of the 7.45 table differ from gcc's layout of the 7.45 definitions");
    }

    [SkippableFact]
    public void TableConstants_AreWhatGccMakesOfThe745Definitions()
    {
        Skip.If(GccRunner.GccPath is null, GccRunner.SkipReason);
        IReadOnlyDictionary<string, ulong> c = Results.Value;
        var failures = new List<string>();
        foreach (Fuse745Constant k in Fuse745Table.Constants.Where(k => k.InExcerpt))
        {
            if (!c.TryGetValue(CLayoutProgram.ValueKey(k.Name), out ulong value) || !c.TryGetValue(CLayoutProgram.WidthKey(k.Name), out ulong width))
            {
                failures.Add($"{k.Name}: not printed by the C program");
            }
            else if (!CValue.Matches(value, width, k.Value))
            {
                failures.Add($"{k.Name}: the table says {k.Value} (0x{k.Value:X}), gcc computes {value} (0x{value:X}, {width} bytes)");
            }
        }

        AbiAssert.NoFailures(failures, "constants of the 7.45 table differ from gcc's evaluation of the 7.45 definitions");
    }

    private static CLayoutProgram BuildProgram()
    {
        var program = new CLayoutProgram { Prelude = Fuse745Excerpt.Source };
        foreach (Fuse745Struct s in Fuse745Table.Structs)
        {
            program.AddStruct(s.Name);
            foreach (Fuse745Member m in s.Members)
            {
                program.AddField(s.Name, m.Name);
            }
        }

        foreach (Fuse745Field f in Fuse745Table.Fields)
        {
            program.AddField(f.Struct, f.Name);
        }

        foreach (Fuse745Constant k in Fuse745Table.Constants.Where(k => k.InExcerpt))
        {
            program.AddValue(k.Name, k.Name);
        }

        return program;
    }

    private static void Expect(List<string> failures, IReadOnlyDictionary<string, ulong> c, string key, ulong expected)
    {
        if (!c.TryGetValue(key, out ulong actual))
        {
            failures.Add($"{key}: not printed by the C program");
        }
        else if (actual != expected)
        {
            failures.Add($"{key}: the table says {expected}, gcc computes {actual}");
        }
    }
}
