using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using FuseWire.Abi;

namespace FuseWire.Tests.Abi;

/// <summary>Everything of the <c>FuseWire.Abi</c> namespace the ABI tests check, read by reflection and from the XML doc.</summary>
internal static class AbiCatalog
{
    /// <summary>The namespace of the kernel ABI mirrors.</summary>
    public const string AbiNamespace = "FuseWire.Abi";

    private static readonly Lazy<IReadOnlyList<AbiStruct>> LazyStructs = new(LoadStructs);
    private static readonly Lazy<IReadOnlyList<AbiConstant>> LazyConstants = new(LoadConstants);

    /// <summary>The public types of the ABI namespace.</summary>
    public static IReadOnlyList<Type> PublicTypes { get; } = typeof(FuseAttr).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.Namespace == AbiNamespace)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every public struct of the namespace that has a <c>StructSize</c> constant.</summary>
    public static IReadOnlyList<AbiStruct> Structs => LazyStructs.Value;

    /// <summary>Every public enum member and every constant of the namespace's static classes (<see cref="FuseConstants"/>).</summary>
    public static IReadOnlyList<AbiConstant> Constants => LazyConstants.Value;

    /// <summary>The <c>StructSize</c> constant of <paramref name="type"/>, or null.</summary>
    public static FieldInfo? StructSizeField(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetField("StructSize", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f ? f : null;
    }

    /// <summary>Whether <paramref name="type"/> is an <see cref="InlineArrayAttribute"/> helper (a C array member's type).</summary>
    public static bool IsInlineArray(Type type) => type.GetCustomAttribute<InlineArrayAttribute>() is not null;

    /// <summary>The struct whose doc names <paramref name="cName"/>, or null.</summary>
    public static AbiStruct? StructByCName(string cName) => Structs.FirstOrDefault(s => s.CName == cName);

    /// <summary>A C# value widened to <see cref="ulong"/> the way C's <c>(unsigned long long)</c> cast does.</summary>
    public static ulong ToUInt64(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            sbyte or short or int or long => unchecked((ulong)Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            _ => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
        };
    }

    private static AbiStruct[] LoadStructs()
    {
        return PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum && StructSizeField(t) is not null)
            .Select(LoadStruct)
            .ToArray();
    }

    private static AbiStruct LoadStruct(Type type)
    {
        int structSize = Convert.ToInt32(StructSizeField(type)!.GetRawConstantValue(), CultureInfo.InvariantCulture);
        AbiField[] fields = type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .OrderBy(f => f.MetadataToken)
            .Select(f =>
            {
                (string? cName, int? docOffset) = AbiDocumentation.FieldDoc(f);
                (int offset, int size) = StructLayoutProbe.Measure(f);
                (int? marshalOffset, string? marshalError) = StructLayoutProbe.MarshalOffsetOf(f);
                return new AbiField(f, cName, docOffset, offset, size, marshalOffset, marshalError);
            })
            .ToArray();
        return new AbiStruct(type, AbiDocumentation.StructName(type), structSize, StructLayoutProbe.SizeOf(type), fields);
    }

    private static AbiConstant[] LoadConstants()
    {
        IEnumerable<FieldInfo> enumMembers = PublicTypes.Where(t => t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static));
        IEnumerable<FieldInfo> constants = PublicTypes.Where(t => t.IsClass && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral);
        return enumMembers.Concat(constants)
            .Select(f => new AbiConstant(
                f,
                AbiDocumentation.KernelName(f),
                AbiDocumentation.LeadingCode(f)?.Code,
                ToUInt64(f.GetRawConstantValue()!)))
            .ToArray();
    }
}
