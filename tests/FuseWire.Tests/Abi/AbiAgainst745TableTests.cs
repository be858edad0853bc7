using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Part 2: everything of the 7.45 header that the local 7.38 header lacks or has differently is checked against
/// the hand-written <see cref="Fuse745Table"/>; every entry of the table must have its C# counterpart.
/// </summary>
public sealed class AbiAgainst745TableTests(ITestOutputHelper output)
{
    [Fact]
    public void NewStructs_HaveThe745SizesAndOffsets()
    {
        var failures = new List<string>();
        int fieldCount = 0;
        foreach (Fuse745Struct t in Fuse745Table.Structs)
        {
            if (AbiCatalog.StructByCName(t.Name) is not { } s)
            {
                failures.Add($"struct {t.Name} (7.{t.Version}) has no C# counterpart");
                continue;
            }

            if (s.StructSize != t.Size || s.UnsafeSize != t.Size)
            {
                failures.Add($"{s.Type.Name} (struct {t.Name}): 7.45 sizeof is {t.Size}, StructSize is {s.StructSize}, Unsafe.SizeOf is {s.UnsafeSize}");
            }

            foreach (Fuse745Member m in t.Members)
            {
                fieldCount++;
                CheckField(failures, s, t.Name, m.Name, m.Offset, m.Size);
            }

            foreach (AbiField extra in s.Fields.Where(f => t.Members.All(m => m.Name != f.CName)))
            {
                failures.Add($"{extra.DisplayName} ({t.Name}.{extra.CName}) is not a member of struct {t.Name} in 7.45");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Fuse745Table.Structs.Count} structs and {fieldCount} of their fields checked against the 7.45 table."));
        AbiAssert.NoFailures(failures, "differences from the 7.45 table (new structs)");
    }

    [Fact]
    public void NewAndChangedFields_HaveThe745Offsets()
    {
        var failures = new List<string>();
        foreach (Fuse745Field t in Fuse745Table.Fields)
        {
            if (AbiCatalog.StructByCName(t.Struct) is not { } s)
            {
                failures.Add($"struct {t.Struct} has no C# counterpart");
                continue;
            }

            CheckField(failures, s, t.Struct, t.Name, t.Offset, t.Size);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Fuse745Table.Fields.Count} fields of older structs checked against the 7.45 table."));
        AbiAssert.NoFailures(failures, "differences from the 7.45 table (new or changed fields)");
    }

    [Fact]
    public void NewConstants_HaveThe745Values()
    {
        var failures = new List<string>();
        foreach (Fuse745Constant t in Fuse745Table.Constants)
        {
            AbiConstant[] members = AbiCatalog.Constants.Where(c => c.Key == t.Name).ToArray();
            if (members.Length == 0)
            {
                failures.Add($"{t.Name} (7.{t.Version}) is documented by no C# enum member or constant");
            }

            foreach (AbiConstant c in members.Where(c => c.Value != t.Value))
            {
                failures.Add($"{c.DisplayName} ({t.Name}): 7.45 has {t.Value} (0x{t.Value:X}), C# has {c.Value} (0x{c.Value:X})");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Fuse745Table.Constants.Count} constants checked against the 7.45 table."));
        AbiAssert.NoFailures(failures, "differences from the 7.45 table (constants)");
    }

    private static void CheckField(List<string> failures, AbiStruct s, string structName, string field, int offset, int size)
    {
        if (s.FieldByCName(field) is not { } f)
        {
            failures.Add($"{structName}.{field} (7.45 offset {offset}) has no field in {s.Type.Name}");
            return;
        }

        string where = $"{f.DisplayName} ({structName}.{field})";
        if (f.Offset != offset || (f.MarshalOffset is { } marshal && marshal != offset))
        {
            failures.Add($"{where}: 7.45 offset is {offset}, the field is at {f.Offset} (Marshal.OffsetOf: {f.MarshalOffset?.ToString(CultureInfo.InvariantCulture) ?? f.MarshalError})");
        }

        if (f.DocOffset != offset)
        {
            failures.Add($"{where}: 7.45 offset is {offset}, the doc says (offset {f.DocOffset?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
        }

        if (f.Size != size)
        {
            failures.Add($"{where}: 7.45 member size is {size}, the field is {f.Size} bytes");
        }
    }
}
