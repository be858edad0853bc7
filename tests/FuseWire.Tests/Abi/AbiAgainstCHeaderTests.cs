using System.Collections.Generic;
using System.Globalization;
using Xunit;
using Xunit.Abstractions;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Part 1: gcc compiles a program against the local <c>/usr/include/linux/fuse.h</c> (7.38 on Debian 12) that prints
/// the sizeof, offsetof and member sizes of every struct and field FuseWire mirrors, and the value of every constant;
/// FuseWire's layout and values must be the same.
/// </summary>
public sealed class AbiAgainstCHeaderTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void StructSizes_AreTheCHeaderSizes()
    {
        Skip.If(GccRunner.GccPath is null, GccRunner.SkipReason);
        IReadOnlyDictionary<string, ulong> c = HeaderCheckPlan.Results;
        var failures = new List<string>();
        int checkedCount = 0;
        foreach (AbiStruct s in HeaderCheckPlan.Structs)
        {
            ulong size = c[CLayoutProgram.SizeKey(s.CName!)];
            checkedCount++;
            if ((ulong)s.StructSize != size || (ulong)s.UnsafeSize != size)
            {
                failures.Add($"{s.Type.Name} (struct {s.CName}): sizeof in C is {size}, StructSize is {s.StructSize}, Unsafe.SizeOf is {s.UnsafeSize}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkedCount} structs checked against {KernelHeaders.FuseHeaderPath} (7.{KernelHeaders.FuseMinor})."));
        AbiAssert.NoFailures(failures, "struct sizes differ from the C header");
    }

    [SkippableFact]
    public void FieldOffsetsAndSizes_AreTheCHeaderOnes()
    {
        Skip.If(GccRunner.GccPath is null, GccRunner.SkipReason);
        IReadOnlyDictionary<string, ulong> c = HeaderCheckPlan.Results;
        var failures = new List<string>();
        int checkedCount = 0;
        foreach ((AbiStruct s, AbiField f) in HeaderCheckPlan.Fields)
        {
            ulong offset = c[CLayoutProgram.OffsetKey(s.CName!, f.CName!)];
            ulong size = c[CLayoutProgram.FieldSizeKey(s.CName!, f.CName!)];
            checkedCount++;
            string where = $"{f.DisplayName} ({s.CName}.{f.CName})";
            if ((ulong)f.Offset != offset)
            {
                failures.Add($"{where}: offsetof in C is {offset}, the field is at {f.Offset}");
            }

            if (f.MarshalOffset is { } marshal && (ulong)marshal != offset)
            {
                failures.Add($"{where}: offsetof in C is {offset}, Marshal.OffsetOf gives {marshal}");
            }

            if (f.DocOffset is not { } doc || (ulong)doc != offset)
            {
                failures.Add($"{where}: offsetof in C is {offset}, the doc says (offset {f.DocOffset?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
            }

            if ((ulong)f.Size != size)
            {
                failures.Add($"{where}: sizeof the member in C is {size}, the field is {f.Size} bytes");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkedCount} fields checked against {KernelHeaders.FuseHeaderPath} (7.{KernelHeaders.FuseMinor})."));
        AbiAssert.NoFailures(failures, "field offsets or sizes differ from the C header");
    }

    [SkippableFact]
    public void ConstantValues_AreTheCHeaderValues()
    {
        Skip.If(GccRunner.GccPath is null, GccRunner.SkipReason);
        IReadOnlyDictionary<string, ulong> c = HeaderCheckPlan.Results;
        var failures = new List<string>();
        int checkedCount = 0;
        foreach ((AbiConstant constant, string expression) in HeaderCheckPlan.Constants)
        {
            ulong value = c[CLayoutProgram.ValueKey(constant.Key)];
            ulong width = c[CLayoutProgram.WidthKey(constant.Key)];
            checkedCount++;
            if (!CValue.Matches(value, width, constant.Value))
            {
                failures.Add($"{constant.DisplayName} ({expression}): C gives {value} (0x{value:X}, {width} bytes), C# has {constant.Value} (0x{constant.Value:X})");
            }
            else if (CValue.NeededWidth(value, width, constant.Value))
            {
                output.WriteLine($"Note: {expression} is 0x{value:X} as unsigned long long (a negative {width}-byte C value); {constant.DisplayName} is 0x{constant.Value:X}, equal in {width * 8} bits.");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{checkedCount} constants checked against the C headers."));
        AbiAssert.NoFailures(failures, "constants differ from the C header");
    }
}
