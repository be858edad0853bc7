using System.Reflection;

namespace FuseWire.Tests.Abi;

/// <summary>An enum member or a <c>FuseConstants</c> constant and the kernel name (or C expression) it mirrors.</summary>
/// <param name="Field">The C# enum member or constant.</param>
/// <param name="KernelName">The kernel macro or enumerator its doc names (<c>&lt;c&gt;NAME&lt;/c&gt;:</c>), or null.</param>
/// <param name="DocCode">The leading <c>&lt;c&gt;</c> text of its doc, whatever it is, or null.</param>
/// <param name="Value">Its value as C's <c>(unsigned long long)</c> cast gives it: signed values sign-extended.</param>
internal sealed record AbiConstant(FieldInfo Field, string? KernelName, string? DocCode, ulong Value)
{
    /// <summary>The C# name, <c>Type.Member</c>.</summary>
    public string DisplayName => Field.DeclaringType!.Name + "." + Field.Name;

    /// <summary>The key of the checks: the kernel name, or the C# name for a constant that documents none.</summary>
    public string Key => KernelName ?? DisplayName;

    /// <summary>Whether the doc is a plain numeric literal (<c>&lt;c&gt;0&lt;/c&gt;: No flag.</c>).</summary>
    public bool IsLiteralDoc => DocCode is { Length: > 0 } code && ulong.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
}
