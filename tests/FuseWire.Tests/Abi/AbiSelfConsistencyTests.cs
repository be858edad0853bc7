using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using Xunit;

namespace FuseWire.Tests.Abi;

/// <summary>
/// Checks that need neither gcc nor a header: each ABI type's doc names its C counterpart, <c>StructSize</c> is the
/// real size, and every documented offset is the real offset.
/// </summary>
public sealed class AbiSelfConsistencyTests
{
    [Fact]
    public void EveryPublicStruct_IsAnAbiStructOrAnInlineArray()
    {
        string[] failures = AbiCatalog.PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum)
            .Where(t => AbiCatalog.StructSizeField(t) is null && !AbiCatalog.IsInlineArray(t))
            .Select(t => $"{t.Name} has neither a StructSize constant nor [InlineArray]")
            .Concat(AbiCatalog.PublicTypes
                .Where(t => t.IsValueType && !t.IsEnum && !t.IsLayoutSequential)
                .Select(t => $"{t.Name} is not LayoutKind.Sequential"))
            .ToArray();
        AbiAssert.NoFailures(failures, "unexpected public structs");
    }

    [Fact]
    public void EveryAbiStruct_NamesItsCStruct_AndStructSizeIsItsSize()
    {
        var failures = new List<string>();
        foreach (AbiStruct s in AbiCatalog.Structs)
        {
            if (s.CName is null)
            {
                failures.Add($"{s.Type.Name}: its remarks name no <c>struct fuse_xxx</c>");
            }

            if (s.StructSize != s.UnsafeSize)
            {
                failures.Add($"{s.Type.Name}: StructSize is {s.StructSize}, Unsafe.SizeOf is {s.UnsafeSize}");
            }

            int marshalSize = Marshal.SizeOf(s.Type);
            if (marshalSize != s.UnsafeSize)
            {
                failures.Add($"{s.Type.Name}: Marshal.SizeOf is {marshalSize}, Unsafe.SizeOf is {s.UnsafeSize}");
            }
        }

        foreach (IGrouping<string?, AbiStruct> duplicate in AbiCatalog.Structs.Where(s => s.CName is not null).GroupBy(s => s.CName).Where(g => g.Count() > 1))
        {
            failures.Add($"struct {duplicate.Key} is mirrored by {string.Join(", ", duplicate.Select(s => s.Type.Name))}");
        }

        Assert.NotEmpty(AbiCatalog.Structs);
        AbiAssert.NoFailures(failures, "ABI struct problems");
    }

    [Fact]
    public void EveryAbiField_NamesItsCMember_AndItsDocumentedOffsetIsItsOffset()
    {
        var failures = new List<string>();
        foreach (AbiStruct s in AbiCatalog.Structs)
        {
            foreach (AbiField f in s.Fields)
            {
                if (f.CName is null || f.DocOffset is null)
                {
                    failures.Add($"{f.DisplayName}: its summary does not start with <c>c_name</c> (offset N):");
                    continue;
                }

                if (f.DocOffset != f.Offset)
                {
                    failures.Add($"{f.DisplayName} ({f.CName}): the doc says offset {f.DocOffset}, the field is at {f.Offset}");
                }

                if (f.MarshalOffset is { } marshal && marshal != f.Offset)
                {
                    failures.Add($"{f.DisplayName}: Marshal.OffsetOf gives {marshal}, the field is at {f.Offset}");
                }

                int typeSize = StructLayoutProbe.SizeOf(f.Field.FieldType);
                if (f.Size != typeSize)
                {
                    failures.Add($"{f.DisplayName}: occupies {f.Size} bytes, its type is {typeSize}");
                }
            }

            foreach (IGrouping<string?, AbiField> duplicate in s.Fields.Where(f => f.CName is not null).GroupBy(f => f.CName).Where(g => g.Count() > 1))
            {
                failures.Add($"{s.Type.Name}: {duplicate.Key} is documented by {string.Join(", ", duplicate.Select(f => f.Field.Name))}");
            }
        }

        AbiAssert.NoFailures(failures, "ABI field problems");
    }

    [Fact]
    public void EveryConstant_DocumentsAKernelNameOrIsAccountedFor()
    {
        var failures = new List<string>();
        foreach (AbiConstant c in AbiCatalog.Constants)
        {
            if (c.IsLiteralDoc)
            {
                ulong literal = ulong.Parse(c.DocCode!, NumberStyles.None, CultureInfo.InvariantCulture);
                if (literal != c.Value)
                {
                    failures.Add($"{c.DisplayName}: its doc says <c>{c.DocCode}</c>, its value is {c.Value}");
                }
            }
            else if (c.KernelName is null
                && !HeaderCheckPlan.ExtraExpressions.ContainsKey(c.DisplayName)
                && Fuse745Table.FindConstant(c.DisplayName) is null)
            {
                failures.Add($"{c.DisplayName}: its summary names no kernel constant (<c>NAME</c>:) and no check accounts for it");
            }
        }

        Assert.NotEmpty(AbiCatalog.Constants);
        AbiAssert.NoFailures(failures, "constants that nothing ties to the kernel");
    }

    [Fact]
    public void ProbeMeasuresKnownLayouts()
    {
        // The probe itself must work: FuseInHeader's total_extlen is a ushort at 36 in a 40-byte struct.
        AbiStruct header = AbiCatalog.StructByCName("fuse_in_header") ?? throw new InvalidOperationException("FuseInHeader is missing");
        AbiField extlen = header.FieldByCName("total_extlen") ?? throw new InvalidOperationException("total_extlen is missing");
        Assert.Equal((36, 2), (extlen.Offset, extlen.Size));
        Assert.Equal(40, header.UnsafeSize);
    }
}
