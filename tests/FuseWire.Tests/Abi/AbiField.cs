using System.Reflection;

namespace FuseWire.Tests.Abi;

/// <summary>A field of a FuseWire ABI struct: its documented C name and offset, and its measured layout.</summary>
/// <param name="Field">The C# field.</param>
/// <param name="CName">The C member name from the field's doc (<c>&lt;c&gt;name&lt;/c&gt; (offset N):</c>), or null.</param>
/// <param name="DocOffset">The offset the doc states, or null.</param>
/// <param name="Offset">The offset measured in memory (byte-pattern probe).</param>
/// <param name="Size">The size measured in memory.</param>
/// <param name="MarshalOffset"><see cref="System.Runtime.InteropServices.Marshal.OffsetOf(System.Type, string)"/>, or null if it threw.</param>
/// <param name="MarshalError">Why Marshal.OffsetOf threw, or null.</param>
internal sealed record AbiField(FieldInfo Field, string? CName, int? DocOffset, int Offset, int Size, int? MarshalOffset, string? MarshalError)
{
    /// <summary>The C# name, <c>Type.Field</c>.</summary>
    public string DisplayName => Field.DeclaringType!.Name + "." + Field.Name;
}
